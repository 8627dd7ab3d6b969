//! Lexer and recursive-descent parser for expressions.
//!
//! Hand-written rather than the cel crate: we need the exact span of every name and
//! literal to point into the TOML string, a depth limit against hostile nesting, and
//! messages in the author's words ("expected `)`"). The grammar is small:
//!
//! ```text
//! or   := and ("||" and)*          and := rel ("&&" rel)*
//! rel  := sum (("=="|"!="|"<"|"<="|">"|">="|"in") sum)?
//! sum  := prod (("+"|"-") prod)*   prod := unary (("*"|"/"|"%") unary)*
//! unary:= ("!"|"-") unary | atom
//! atom := number | 'text' | "text" | true | false | [list] | (or) | name(args) | name(.name)*
//! ```

use crate::values::number::Decimal;
use std::ops::Range;

use super::syntax::{BinOp, Node, NodeKind};
use super::{ExprError, ExprErrorKind};

/// Bounds on expressions. Recursion on hostile input must stay bounded: nesting is
/// parsed recursively, and a chain `a && b && …` builds a tree as deep as it is long, which
/// every later step walks recursively.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Deepest nesting of parentheses and `!`/`-` (`--max-expression-depth`).
    pub depth: usize,
    /// Most words and symbols in one expression (`--max-expression-length`).
    pub length: usize,
}

impl Limits {
    /// What the flags may raise the limits to: beyond this, recursion could exhaust a
    /// thread's stack.
    pub const CEILING: Limits = Limits {
        depth: 512,
        length: 4096,
    };
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            depth: 64,
            length: 1000,
        }
    }
}

/// Parse an expression within the default limits; on failure, the first error.
pub fn parse(text: &str) -> Result<Node, ExprError> {
    parse_with(text, Limits::default())
}

/// Parse an expression within `limits` (capped at [`Limits::CEILING`]).
pub fn parse_with(text: &str, limits: Limits) -> Result<Node, ExprError> {
    let max_depth = limits.depth.min(Limits::CEILING.depth);
    let max_tokens = limits.length.min(Limits::CEILING.length);
    let tokens = lex(text)?;
    if tokens.len() > max_tokens {
        let mut error = syntax(
            tokens[max_tokens].span.start..text.len(),
            format!("expression longer than {max_tokens} words and symbols"),
        );
        error.help = Some(
            "split it into several rules, or raise the limit with --max-expression-length".into(),
        );
        return Err(error);
    }
    let mut parser = Parser {
        tokens,
        pos: 0,
        depth: 0,
        max_depth,
        end: text.len(),
    };
    let node = parser.or()?;
    match parser.peek() {
        None => Ok(node),
        Some(t) => Err(syntax(
            t.span.clone(),
            format!(
                "unexpected {} after the end of the expression",
                t.tok.describe()
            ),
        )),
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Num(Decimal),
    Str(String),
    Ident(String),
    Op(&'static str),
}

impl Tok {
    fn describe(&self) -> String {
        match self {
            Self::Num(n) => format!("number `{n}`"),
            Self::Str(s) => format!("text '{s}'"),
            Self::Ident(s) => format!("`{s}`"),
            Self::Op(o) => format!("`{o}`"),
        }
    }
}

#[derive(Debug, Clone)]
struct Token {
    tok: Tok,
    span: Range<usize>,
}

const OPS: &[&str] = &[
    "==", "!=", "<=", ">=", "&&", "||", "<", ">", "!", "+", "-", "*", "/", "%", "(", ")", "[", "]",
    ",", ".",
];

fn syntax(span: Range<usize>, message: impl Into<String>) -> ExprError {
    ExprError {
        kind: ExprErrorKind::Syntax,
        message: message.into(),
        span,
        help: None,
    }
}

fn lex(text: &str) -> Result<Vec<Token>, ExprError> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        if c == b'\'' || c == b'"' {
            let close = text[i + 1..]
                .find(c as char)
                .ok_or_else(|| syntax(start..text.len(), "text literal is not closed"))?;
            let value = text[i + 1..i + 1 + close].to_string();
            i += close + 2;
            tokens.push(Token {
                tok: Tok::Str(value),
                span: start..i,
            });
        } else if c.is_ascii_digit() {
            while i < bytes.len() && (bytes[i].is_ascii_digit() || bytes[i] == b'.') {
                i += 1;
            }
            // Exactly as written, as answers are (`0.1 + 0.2 == 0.3` holds).
            let value = crate::values::number::exact(&text[start..i]).ok_or_else(|| {
                syntax(
                    start..i,
                    format!(
                        "`{}` is not a number of at most 28 significant digits",
                        &text[start..i]
                    ),
                )
            })?;
            tokens.push(Token {
                tok: Tok::Num(value),
                span: start..i,
            });
        } else if c.is_ascii_alphabetic() || c == b'_' {
            while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                i += 1;
            }
            tokens.push(Token {
                tok: Tok::Ident(text[start..i].to_string()),
                span: start..i,
            });
        } else if let Some(op) = OPS.iter().find(|op| text[i..].starts_with(**op)) {
            i += op.len();
            tokens.push(Token {
                tok: Tok::Op(op),
                span: start..i,
            });
        } else {
            let ch = text[i..].chars().next().unwrap_or('?');
            let hint = match ch {
                '=' => " (write `==` to compare)",
                '&' => " (write `&&`)",
                '|' => " (write `||`)",
                _ => "",
            };
            return Err(syntax(
                start..start + ch.len_utf8(),
                format!("unexpected character `{ch}`{hint}"),
            ));
        }
    }
    Ok(tokens)
}

struct Parser {
    tokens: Vec<Token>,
    pos: usize,
    depth: usize,
    max_depth: usize,
    end: usize,
}

fn too_deep(span: Range<usize>, max: usize) -> ExprError {
    let mut error = syntax(
        span,
        format!("expression nested more than {max} levels deep"),
    );
    error.help = Some("simplify it, or raise the limit with --max-expression-depth".into());
    error
}

impl Parser {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.pos)
    }

    fn at_op(&self, op: &str) -> bool {
        matches!(self.peek(), Some(Token { tok: Tok::Op(o), .. }) if *o == op)
    }

    fn at_ident(&self, word: &str) -> bool {
        matches!(self.peek(), Some(Token { tok: Tok::Ident(w), .. }) if w == word)
    }

    fn next(&mut self) -> Option<Token> {
        let t = self.tokens.get(self.pos).cloned();
        self.pos += 1;
        t
    }

    fn expect_op(&mut self, op: &'static str) -> Result<Range<usize>, ExprError> {
        match self.peek() {
            Some(Token {
                tok: Tok::Op(o),
                span,
            }) if *o == op => {
                let span = span.clone();
                self.pos += 1;
                Ok(span)
            }
            Some(t) => Err(syntax(
                t.span.clone(),
                format!("expected `{op}`, found {}", t.tok.describe()),
            )),
            None => Err(syntax(self.end..self.end, format!("expected `{op}`"))),
        }
    }

    fn binary(op: BinOp, left: Node, right: Node) -> Node {
        let span = left.span.start..right.span.end;
        Node {
            kind: NodeKind::Binary(op, Box::new(left), Box::new(right)),
            span,
        }
    }

    fn or(&mut self) -> Result<Node, ExprError> {
        self.depth += 1;
        if self.depth > self.max_depth {
            let at = self.peek().map_or(self.end..self.end, |t| t.span.clone());
            return Err(too_deep(at, self.max_depth));
        }
        let mut left = self.and()?;
        while self.at_op("||") {
            self.pos += 1;
            let right = self.and()?;
            left = Self::binary(BinOp::Or, left, right);
        }
        self.depth -= 1;
        Ok(left)
    }

    fn and(&mut self) -> Result<Node, ExprError> {
        let mut left = self.relation()?;
        while self.at_op("&&") {
            self.pos += 1;
            let right = self.relation()?;
            left = Self::binary(BinOp::And, left, right);
        }
        Ok(left)
    }

    fn relation(&mut self) -> Result<Node, ExprError> {
        let left = self.sum()?;
        let op = match self.peek().map(|t| &t.tok) {
            Some(Tok::Op("==")) => BinOp::Eq,
            Some(Tok::Op("!=")) => BinOp::Ne,
            Some(Tok::Op("<")) => BinOp::Lt,
            Some(Tok::Op("<=")) => BinOp::Le,
            Some(Tok::Op(">")) => BinOp::Gt,
            Some(Tok::Op(">=")) => BinOp::Ge,
            Some(Tok::Ident(w)) if w == "in" => BinOp::In,
            _ => return Ok(left),
        };
        self.pos += 1;
        let right = self.sum()?;
        Ok(Self::binary(op, left, right))
    }

    fn sum(&mut self) -> Result<Node, ExprError> {
        let mut left = self.product()?;
        loop {
            let op = if self.at_op("+") {
                BinOp::Add
            } else if self.at_op("-") {
                BinOp::Sub
            } else {
                return Ok(left);
            };
            self.pos += 1;
            let right = self.product()?;
            left = Self::binary(op, left, right);
        }
    }

    fn product(&mut self) -> Result<Node, ExprError> {
        let mut left = self.unary()?;
        loop {
            let op = if self.at_op("*") {
                BinOp::Mul
            } else if self.at_op("/") {
                BinOp::Div
            } else if self.at_op("%") {
                BinOp::Rem
            } else {
                return Ok(left);
            };
            self.pos += 1;
            let right = self.unary()?;
            left = Self::binary(op, left, right);
        }
    }

    fn unary(&mut self) -> Result<Node, ExprError> {
        if self.at_op("!") || self.at_op("-") {
            let op = self.next().expect("peeked");
            self.depth += 1;
            if self.depth > self.max_depth {
                return Err(too_deep(op.span, self.max_depth));
            }
            let inner = self.unary()?;
            self.depth -= 1;
            let span = op.span.start..inner.span.end;
            let kind = if op.tok == Tok::Op("!") {
                NodeKind::Not(Box::new(inner))
            } else {
                NodeKind::Neg(Box::new(inner))
            };
            return Ok(Node { kind, span });
        }
        self.atom()
    }

    fn atom(&mut self) -> Result<Node, ExprError> {
        let Some(token) = self.next() else {
            return Err(syntax(
                self.end..self.end,
                "the expression ends where a value was expected",
            ));
        };
        let span = token.span.clone();
        let kind = match token.tok {
            Tok::Num(n) => NodeKind::Number(n),
            Tok::Str(s) => NodeKind::Str(s),
            Tok::Ident(w) if w == "true" => NodeKind::Bool(true),
            Tok::Ident(w) if w == "false" => NodeKind::Bool(false),
            Tok::Ident(w) if w == "in" => {
                return Err(syntax(span, "expected a value before `in`"));
            }
            Tok::Ident(name) => return self.name_or_call(name, span),
            Tok::Op("(") => {
                let inner = self.or()?;
                let close = self.expect_op(")")?;
                return Ok(Node {
                    kind: inner.kind,
                    span: span.start..close.end,
                });
            }
            Tok::Op("[") => {
                let mut items = Vec::new();
                if !self.at_op("]") {
                    loop {
                        items.push(self.or()?);
                        if !self.at_op(",") {
                            break;
                        }
                        self.pos += 1;
                    }
                }
                let close = self.expect_op("]")?;
                return Ok(Node {
                    kind: NodeKind::List(items),
                    span: span.start..close.end,
                });
            }
            other @ Tok::Op(_) => {
                return Err(syntax(
                    span,
                    format!("expected a value, found {}", other.describe()),
                ));
            }
        };
        Ok(Node { kind, span })
    }

    fn name_or_call(&mut self, name: String, span: Range<usize>) -> Result<Node, ExprError> {
        if self.at_op("(") {
            self.pos += 1;
            let mut args = Vec::new();
            if !self.at_op(")") {
                loop {
                    args.push(self.or()?);
                    if !self.at_op(",") {
                        break;
                    }
                    self.pos += 1;
                }
            }
            let close = self.expect_op(")")?;
            return Ok(Node {
                kind: NodeKind::Call(name, args),
                span: span.start..close.end,
            });
        }
        let mut parts = vec![(name, span.clone())];
        let mut end = span.end;
        while self.at_op(".") && !self.at_ident("in") {
            self.pos += 1;
            match self.next() {
                Some(Token {
                    tok: Tok::Ident(part),
                    span,
                }) => {
                    end = span.end;
                    parts.push((part, span));
                }
                Some(t) => {
                    return Err(syntax(
                        t.span,
                        format!(
                            "expected a question id after `.`, found {}",
                            t.tok.describe()
                        ),
                    ));
                }
                None => {
                    return Err(syntax(
                        self.end..self.end,
                        "expected a question id after `.`",
                    ));
                }
            }
        }
        Ok(Node {
            kind: NodeKind::Name(parts),
            span: span.start..end,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_cover_names_and_literals() {
        let node = parse("legislation.specific_law == 'yes'").unwrap();
        let NodeKind::Binary(BinOp::Eq, left, right) = node.kind else {
            panic!("not a comparison: {node:?}");
        };
        assert_eq!(left.span, 0..24);
        assert_eq!(right.span, 28..33);
    }

    #[test]
    fn precedence_of_and_over_or() {
        let node = parse("a || b && c").unwrap();
        let NodeKind::Binary(BinOp::Or, _, right) = node.kind else {
            panic!("or is not at the top");
        };
        assert!(matches!(right.kind, NodeKind::Binary(BinOp::And, _, _)));
    }

    #[test]
    fn errors_point_at_the_fault() {
        let error = parse("a == (b").unwrap_err();
        assert_eq!((error.span, error.message.as_str()), (7..7, "expected `)`"));
        let error = parse("a = 1").unwrap_err();
        assert_eq!(error.span, 2..3);
        assert!(error.message.contains("`==`"), "{}", error.message);
    }

    #[test]
    fn deep_nesting_is_refused_not_overflowed() {
        let text = format!("{}a{}", "(".repeat(100), ")".repeat(100));
        let error = parse(&text).unwrap_err();
        assert!(error.message.contains("nested"), "{}", error.message);
        let text = format!("{}a", "!".repeat(100));
        assert!(parse(&text).unwrap_err().message.contains("nested"));
        let text = format!("{}a{}", "(".repeat(10_000), ")".repeat(10_000));
        assert!(parse(&text).unwrap_err().message.contains("longer than"));
        let text = vec!["a"; 10_000].join(" && ");
        assert!(parse(&text).unwrap_err().message.contains("longer than"));
    }
}
