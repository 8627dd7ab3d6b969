//! The HTML report: one self-contained page (no scripts, no external files, a
//! Content-Security-Policy that allows nothing from the network) a reviewer can open,
//! print, or send back to a respondent; written reply by reply, in flat memory. It shows, per reply, each finding with its
//! question, place, message, the excerpt of the reply, the related answers and the help.

use super::Finding;
use super::json::Spans;
use super::report::{ReplyReport, Summary};
use super::words::{Args, phrase};

/// The page, from sections already rendered by [`section`].
pub fn page(
    questionnaire: Option<&str>,
    summary: &Summary,
    sections: &[String],
    lang: &str,
) -> String {
    let mut out = page_start(lang);
    for section in sections {
        out.push_str(section);
    }
    out.push_str(&page_end(questionnaire, summary, lang));
    out
}

/// The page up to the first reply. The page is written as the replies come, so memory
/// stays flat: the summary, known only at the end, is written last and shown first (the
/// body is a flex column, and the summary's `order` puts it on top, without a script).
pub fn page_start(lang: &str) -> String {
    let lang = super::words::canonical(lang);
    let title = escape(&phrase(lang, "report-title", &Args::new()));
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <title>{title}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n"
    )
}

const STYLE: &str = "\
    body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:60rem;color:#222;display:flex;flex-direction:column}\n\
    header{order:-1}\n\
    h1{font-size:1.4rem}h2{font-size:1.1rem;border-bottom:1px solid #ccc;padding-bottom:.2rem}\n\
    .valid{color:#176b2c}.invalid{color:#a11}\n\
    .finding{border-left:4px solid #a11;padding:.4rem .8rem;margin:.8rem 0;background:#fdf6f6}\n\
    .finding.warning{border-color:#b67900;background:#fffaf0}\n\
    .code{font-family:monospace;font-size:.85rem;color:#555}\n\
    pre{background:#f4f4f4;padding:.4rem;overflow-x:auto}\n\
    ul{margin:.2rem 0}\n";

/// The summary and the end of the page.
pub fn page_end(questionnaire: Option<&str>, summary: &Summary, lang: &str) -> String {
    format!(
        "<header>\n<h1>{}{}</h1>\n<p>{}</p>\n</header>\n</body>\n</html>\n",
        escape(&phrase(lang, "report-title", &Args::new())),
        questionnaire.map_or(String::new(), |q| format!(": {}", escape(q))),
        escape(&summary.line(lang))
    )
}

/// One reply's part of the page.
pub fn section(r: &ReplyReport) -> String {
    let class = if r.valid() { "valid" } else { "invalid" };
    let verdict = phrase(r.lang, super::report::verdict(r), &Args::new());
    let judged = r.questionnaire.as_ref().map_or(String::new(), |q| {
        format!(
            " <span class=\"code\">{}</span>",
            escape(&super::report::judged_by(q, r.lang))
        )
    });
    let mut out = format!(
        "<section>\n<h2>{} — <span class=\"{class}\">{verdict}</span>{judged}</h2>\n",
        escape(&r.file.name)
    );
    if let Some(why) = &r.unreadable {
        out.push_str(&format!("<p>{}</p>\n", escape(why)));
    }
    let spans = Spans::new(&r.file);
    for f in &r.findings {
        finding(&mut out, f, r, &spans);
    }
    out.push_str("</section>\n");
    out
}

fn finding(out: &mut String, f: &Finding, r: &ReplyReport, spans: &Spans<'_>) {
    let class = if f.is_error() {
        "finding"
    } else {
        "finding warning"
    };
    out.push_str(&format!("<div class=\"{class}\">\n"));
    let place = f.span.as_ref().map_or(String::new(), |s| {
        let js = spans.span(s);
        let at = Args::new()
            .text("line", js.line.to_string())
            .text("column", js.column.to_string());
        phrase(r.lang, "at-line", &at)
    });
    out.push_str(&format!(
        "<div class=\"code\">{} {}{}{}</div>\n",
        f.severity.name(),
        f.code,
        f.question
            .as_deref()
            .map_or(String::new(), |q| format!(" · {}", escape(q))),
        place
    ));
    if let Some(text) = &f.text {
        let number = f
            .number
            .as_deref()
            .map_or(String::new(), |n| format!("{} ", escape(n)));
        out.push_str(&format!(
            "<p><strong>{number}{}</strong></p>\n",
            escape(text)
        ));
    }
    out.push_str(&format!("<p>{}</p>\n", escape(&f.message)));
    if let Some(span) = &f.span
        && !r.file.text.is_empty()
    {
        out.push_str(&format!(
            "<pre>{}</pre>\n",
            escape(&super::excerpt::line_window(
                &r.file.text,
                spans.index(),
                span
            ))
        ));
    }
    if !f.related.is_empty() {
        out.push_str("<ul>\n");
        for related in &f.related {
            out.push_str(&format!("<li>{}</li>\n", escape(&related.message)));
        }
        out.push_str("</ul>\n");
    }
    if let Some(help) = &f.help {
        out.push_str(&format!("<p><em>{}</em></p>\n", escape(help)));
    }
    out.push_str("</div>\n");
}

/// Markup escaped, and hidden characters (bidi overrides, zero-width, controls) shown as
/// escapes, as in the terminal: they would mislead a reader of the page as much.
pub fn escape(text: &str) -> String {
    let text = super::visible::visible_lines(text);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_markup() {
        assert_eq!(
            super::escape("<a href='x'>&</a>"),
            "&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;"
        );
    }
}
