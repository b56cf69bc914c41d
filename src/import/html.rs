//! HTML -> text: drops scripts, styles and tags, keeps paragraphs as lines, decodes
//! entities. Tolerant of broken markup; never fails.

const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "table",
    "ul",
    "ol",
    "title",
    "td",
    "th",
    "dd",
    "dt",
];

pub fn to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let bytes = html.as_bytes();
    let mut i = 0;
    let mut skip_until: Option<&'static str> = None;
    while i < bytes.len() {
        if bytes[i] == b'<' {
            let end = match html[i..].find('>') {
                Some(e) => i + e + 1,
                None => bytes.len(),
            };
            let tag = &html[i + 1..end.saturating_sub(1).max(i + 1)];
            let name: String = tag
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect::<String>()
                .to_ascii_lowercase();
            let closing = tag.starts_with('/');
            if let Some(until) = skip_until {
                if closing && name == until {
                    skip_until = None;
                }
            } else if tag.starts_with("!--") {
                let close = html[i..].find("-->").map_or(bytes.len(), |e| i + e + 3);
                i = close;
                continue;
            } else if !closing && (name == "script" || name == "style" || name == "noscript") {
                skip_until = Some(match name.as_str() {
                    "script" => "script",
                    "style" => "style",
                    _ => "noscript",
                });
            } else if BLOCK_TAGS.contains(&name.as_str()) && !out.ends_with('\n') {
                out.push('\n');
            }
            i = end;
            continue;
        }
        let next = html[i..].find('<').map_or(bytes.len(), |p| i + p);
        if skip_until.is_none() {
            push_text(&mut out, &html[i..next]);
        }
        i = next;
    }
    // collapse runs of blank lines, trim each line
    let mut clean = String::with_capacity(out.len());
    for line in out.lines() {
        let t = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if t.is_empty() {
            continue;
        }
        clean.push_str(&t);
        clean.push_str("\n\n");
    }
    clean
}

fn push_text(out: &mut String, raw: &str) {
    let mut rest = raw;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp..];
        let semi = after[..after.len().min(12)].find(';');
        match semi.and_then(|s| entity(&after[1..s]).map(|c| (c, s))) {
            Some((c, s)) => {
                out.push(c);
                rest = &after[s + 1..];
            }
            None => {
                out.push('&');
                rest = &after[1..];
            }
        }
    }
    out.push_str(rest);
}

fn entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "ldquo" => '“',
        "rdquo" => '”',
        "lsquo" => '‘',
        "rsquo" => '’',
        "mdash" => '—',
        "ndash" => '–',
        "hellip" => '…',
        "middot" => '·',
        "yen" => '¥',
        _ => {
            let num = name.strip_prefix('#')?;
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            char::from_u32(code)?
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_and_broken_markup() {
        assert_eq!(
            to_text("<p>A &amp; B &#8220;x&#x201D; &bogus; 5&nbsp;%</p>"),
            "A & B “x” &bogus; 5 %\n\n"
        );
        assert_eq!(to_text("<p>unclosed <b"), "unclosed\n\n");
        assert_eq!(to_text("<!-- c --><div>a</div><div>b</div>"), "a\n\nb\n\n");
    }
}
