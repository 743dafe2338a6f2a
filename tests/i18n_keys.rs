//! Every message exists in Finnish, Swedish and English with the same arguments, every key
//! the code asks for exists, and every key in the files is used.
#![cfg(not(target_arch = "wasm32"))]

use fluent_syntax::ast;
use kumppani::i18n::{sources, Lang};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Each message id of a language, with the variables its value uses.
fn messages(lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
    let mut out = BTreeMap::new();
    for source in sources(lang) {
        let resource = fluent_syntax::parser::parse(*source).unwrap_or_else(|(_, errors)| {
            panic!("{lang:?}: a .ftl file does not parse: {errors:?}")
        });
        for entry in resource.body {
            if let ast::Entry::Message(m) = entry {
                let mut vars = BTreeSet::new();
                if let Some(value) = &m.value {
                    pattern_vars(value, &mut vars);
                }
                let id = m.id.name.to_owned();
                assert!(
                    out.insert(id.clone(), vars).is_none(),
                    "{lang:?}: {id} twice"
                );
            }
        }
    }
    out
}

fn pattern_vars(pattern: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_vars(expression, out);
        }
    }
}

fn expression_vars(expression: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Inline(inline) => inline_vars(inline, out),
        ast::Expression::Select { selector, variants } => {
            inline_vars(selector, out);
            for v in variants {
                pattern_vars(&v.value, out);
            }
        }
    }
}

fn inline_vars(inline: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_owned());
        }
        ast::InlineExpression::Placeable { expression } => expression_vars(expression, out),
        _ => {}
    }
}

/// Every string literal in the app's sources, and the ones handed to a translation call.
fn literals() -> (BTreeSet<String>, BTreeSet<String>) {
    let mut all = BTreeSet::new();
    let mut asked = BTreeSet::new();
    let mut files = Vec::new();
    collect(
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")),
        &mut files,
    );
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let mut rest = text.as_str();
        while let Some(start) = rest.find('"') {
            let before = rest[..start].trim_end();
            let after = &rest[start + 1..];
            let Some(end) = after.find('"') else { break };
            let literal = &after[..end];
            all.insert(literal.to_owned());
            if is_translation_call(before) {
                asked.insert(literal.to_owned());
            }
            rest = &after[end + 1..];
        }
    }
    (all, asked)
}

/// Whether the text before a literal ends in `t!(`, `.t(`, `.t_args(` or `words(` (not
/// `format!(` nor `wrong_pin_words(`).
fn is_translation_call(before: &str) -> bool {
    let call = |name: &str| {
        before
            .strip_suffix(name)
            .is_some_and(|rest| !rest.ends_with(|c: char| c.is_alphanumeric() || c == '_'))
    };
    call("t!(") || call("words(") || before.ends_with(".t(") || before.ends_with(".t_args(")
}

fn collect(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn every_message_is_in_all_three_languages_with_the_same_arguments() {
    let english = messages(Lang::En);
    assert!(!english.is_empty());
    for lang in [Lang::Fi, Lang::Sv] {
        let other = messages(lang);
        let missing: Vec<&String> = english.keys().filter(|k| !other.contains_key(*k)).collect();
        let extra: Vec<&String> = other.keys().filter(|k| !english.contains_key(*k)).collect();
        assert!(missing.is_empty(), "{lang:?} lacks {missing:?}");
        assert!(
            extra.is_empty(),
            "{lang:?} has keys English lacks: {extra:?}"
        );
        for (key, vars) in &english {
            assert_eq!(&other[key], vars, "{lang:?}: {key} takes other arguments");
        }
    }
}

#[test]
fn every_key_the_code_asks_for_exists_and_every_key_is_used() {
    let keys = messages(Lang::En);
    let (all, asked) = literals();
    let missing: Vec<&String> = asked.iter().filter(|k| !keys.contains_key(*k)).collect();
    assert!(
        missing.is_empty(),
        "asked for but not in the .ftl files: {missing:?}"
    );
    let unused: Vec<&String> = keys.keys().filter(|k| !all.contains(*k)).collect();
    assert!(
        unused.is_empty(),
        "in the .ftl files but never used: {unused:?}"
    );
}
