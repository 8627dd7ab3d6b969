//! The page's one script: it hides a question while its condition does not hold and the
//! question is unanswered. The server writes each condition of a common form (an answer
//! compared with a value, `in` a list, an option chosen, `answered`, joined by `&&`, `||`
//! and `!`) as a small JSON tree in the question's `data-when`; the script reads the form
//! and evaluates it with three values (true, false, not known yet). A condition of another
//! form, or one that is not known yet, hides nothing. The page never depends on the
//! script: without it every question shows, and a hidden question still posts what it holds
//! (so it holds nothing: an answered question is never hidden). The policy allows the
//! script by its hash, nothing else.

use serde_json::{Value, json};

use crate::expr::ast::{Ast, AstKind, BinOp};
use crate::questionnaire::model::{QuestionRef, QuestionType, Questionnaire};

/// The script, allowed by [`script_source`] in the page's policy.
pub const SCRIPT: &str = r"(function(){
var form=document.querySelector('form.reply');if(!form)return;
function values(name){var out=[],els=form.elements;for(var i=0;i<els.length;i++){var e=els[i];
if(e.name!==name&&e.name!==name+'#code')continue;
if(e.type==='checkbox'||e.type==='radio'){if(e.checked)out.push(e.value);}else if(e.value!=='')out.push(e.value);}return out;}
function ev(p){var v,a,b;switch(p[0]){
case 'is':v=values(p[1]);return v.length?v.indexOf(p[2])>=0:null;
case 'isnt':v=values(p[1]);return v.length?v.indexOf(p[2])<0:null;
case 'in':v=values(p[1]);return v.length?p[2].indexOf(v[0])>=0:null;
case 'chosen':v=values(p[1]);return v.length?v.indexOf(p[2])>=0:null;
case 'answered':return values(p[1]).length>0;
case 'not':a=ev(p[1]);return a===null?null:!a;
case 'and':a=ev(p[1]);b=ev(p[2]);if(a===false||b===false)return false;return a===null||b===null?null:true;
case 'or':a=ev(p[1]);b=ev(p[2]);if(a===true||b===true)return true;return a===null||b===null?null:false;}
return null;}
function apply(){var qs=form.querySelectorAll('[data-when]');for(var i=0;i<qs.length;i++){var q=qs[i];
q.hidden=ev(JSON.parse(q.getAttribute('data-when')))===false&&values(q.getAttribute('data-name')).length===0;}}
form.addEventListener('change',apply);form.addEventListener('input',apply);apply();})();
";

/// The script's SHA-256, as a Content-Security-Policy source (`'sha256-…'`).
pub fn script_source() -> &'static str {
    static SOURCE: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    SOURCE.get_or_init(|| crate::report::html::hash_source(SCRIPT))
}

/// A condition as the script evaluates it, if its form is one it knows.
pub fn predicate(ast: &Ast, q: &Questionnaire) -> Option<Value> {
    match &ast.kind {
        AstKind::Binary(op @ (BinOp::And | BinOp::Or), l, r) => {
            let name = if *op == BinOp::And { "and" } else { "or" };
            Some(json!([name, predicate(l, q)?, predicate(r, q)?]))
        }
        AstKind::Not(inner) => Some(json!(["not", predicate(inner, q)?])),
        AstKind::Answered(r) => Some(json!(["answered", field(q, *r)?])),
        AstKind::Answer(r) if q.question(*r).kind == QuestionType::YesNo => {
            Some(json!(["is", field(q, *r)?, "true"]))
        }
        AstKind::Binary(BinOp::In, l, r) => match (&l.kind, &r.kind) {
            (AstKind::Answer(a), AstKind::List(items)) => {
                let values: Option<Vec<String>> = items.iter().map(literal).collect();
                Some(json!(["in", field(q, *a)?, values?]))
            }
            (AstKind::Text(option), AstKind::Answer(m))
                if q.question(*m).kind == QuestionType::MultiChoice =>
            {
                Some(json!(["chosen", field(q, *m)?, option]))
            }
            _ => None,
        },
        AstKind::Binary(op @ (BinOp::Eq | BinOp::Ne), l, r) => {
            let AstKind::Answer(a) = &l.kind else {
                return None;
            };
            // Only choices and yes/no: a number or a date is written in too many ways to
            // compare as text.
            if !matches!(
                q.question(*a).kind,
                QuestionType::Choice | QuestionType::YesNo
            ) {
                return None;
            }
            let name = if *op == BinOp::Eq { "is" } else { "isnt" };
            Some(json!([name, field(q, *a)?, literal(r)?]))
        }
        _ => None,
    }
}

/// The form field of a question outside a table (`section.question`).
fn field(q: &Questionnaire, r: QuestionRef) -> Option<String> {
    if r.column.is_some() {
        return None;
    }
    let x = q.question(r);
    if x.kind == QuestionType::Table || x.compute.is_some() {
        return None;
    }
    Some(format!("{}.{}", q.sections[r.section].id, x.id))
}

/// A value as the form posts it.
fn literal(ast: &Ast) -> Option<String> {
    match &ast.kind {
        AstKind::Text(t) => Some(t.clone()),
        AstKind::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn common_conditions_become_predicates_and_others_none() {
        let toml = std::fs::read_to_string("questionnaires/res-16-2/questionnaire.toml").unwrap();
        let q = crate::check::check(&toml).questionnaire.unwrap();
        let mut seen = Vec::new();
        for s in &q.sections {
            for x in &s.questions {
                if let Some(ast) = x.when.as_ref().and_then(|w| w.ast.as_ref()) {
                    seen.push((x.id.clone(), super::predicate(ast, &q)));
                }
            }
        }
        let of = |id: &str| seen.iter().find(|(i, _)| i == id).unwrap().1.clone();
        assert_eq!(
            of("laws"),
            Some(serde_json::json!(["is", "legislation.specific_law", "yes"]))
        );
        assert_eq!(
            of("crc_year"),
            Some(serde_json::json!(["is", "legislation.crc_party", "true"]))
        );
        assert!(seen.len() > 5, "{seen:?}");
    }
}
