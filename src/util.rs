//! Small helpers without a better home: time stamps and content hashes.

use sha2::{Digest, Sha256};

/// Seconds since the Unix epoch, now.
/// `s` cut to about `width` columns (a Chinese character counts two) with "…", for a
/// title in a narrow place.
pub fn shorten(s: &str, width: usize) -> String {
    let mut used = 0;
    for (i, c) in s.char_indices() {
        used += if c as u32 >= 0x2E80 { 2 } else { 1 };
        if used > width {
            return format!("{}…", s[..i].trim_end());
        }
    }
    s.to_string()
}

pub fn now_unix() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// (year, month, day, hour, minute) in UTC for Unix seconds (Howard Hinnant's algorithm).
pub fn civil_from_unix(secs: u64) -> (i32, u32, u32, u32, u32) {
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = (yoe + era * 400 + i64::from(m <= 2)) as i32;
    (y, m, d, (rem / 3600) as u32, ((rem % 3600) / 60) as u32)
}

/// "2026-11-23 10:02 UTC"
pub fn format_unix(secs: u64) -> String {
    let (y, m, d, h, min) = civil_from_unix(secs);
    format!("{y:04}-{m:02}-{d:02} {h:02}:{min:02} UTC")
}

/// "2026-11-23"
pub fn format_date(secs: u64) -> String {
    let (y, m, d, _, _) = civil_from_unix(secs);
    format!("{y:04}-{m:02}-{d:02}")
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut s = String::with_capacity(64);
    for b in digest {
        s.push_str(&format!("{b:02x}"));
    }
    s
}

/// A number as people write it: "6,461.3", "8.5 trillion" stays a plain number here,
/// trailing zeros dropped, no exponent.
pub fn format_value(v: f64) -> String {
    if !v.is_finite() {
        return v.to_string();
    }
    let abs = v.abs();
    let s = if abs != 0.0 && abs < 0.01 {
        format!("{v:.6}")
    } else {
        format!("{v:.4}")
    };
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    };
    // thousands separators for the integer part
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (s.clone(), None),
    };
    let (sign, digits) = match int.strip_prefix('-') {
        Some(d) => ("-", d.to_string()),
        None => ("", int),
    };
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// A value with its unit, compactly: "8.5 trillion yuan", "6.5%", "1.09 million".
pub fn format_quantity(v: f64, unit: &str) -> String {
    let (scaled, word) = scale(v);
    let num = if word.is_empty() {
        format_value(v)
    } else {
        format!("{} {word}", format_value(scaled))
    };
    match unit {
        "%" => format!("{num}%"),
        "pp" => format!("{num} pp"),
        "count" | "" => num,
        "per_10k" => format!("{num} per 10,000"),
        "per_1000" => format!("{num} per 1,000"),
        "tce_per_10k_yuan" => format!("{num} tce per 10,000 yuan"),
        u => format!("{num} {u}"),
    }
}

fn scale(v: f64) -> (f64, &'static str) {
    let a = v.abs();
    if a >= 1e12 {
        (v / 1e12, "trillion")
    } else if a >= 1e9 {
        (v / 1e9, "billion")
    } else if a >= 1e6 {
        (v / 1e6, "million")
    } else {
        (v, "")
    }
}

/// "8.5", "8,500", "6.5%", "-5.6", "7.35 trillion", "1.09 million" -> number.
pub fn parse_number(s: &str) -> Result<f64, String> {
    let lower = s.trim().to_ascii_lowercase();
    let (num, mult) = [
        ("trillion", 1e12),
        ("billion", 1e9),
        ("million", 1e6),
        ("thousand", 1e3),
    ]
    .iter()
    .find_map(|(w, m)| lower.strip_suffix(w).map(|n| (n.to_string(), *m)))
    .unwrap_or((lower.clone(), 1.0));
    let t = num
        .trim()
        .trim_end_matches('%')
        .trim()
        .replace([',', ' ', '\u{a0}'], "");
    t.parse::<f64>()
        .ok()
        .map(|v| v * mult)
        .filter(|v| v.is_finite())
        .ok_or_else(|| format!("\"{}\" is not a number", s.trim()))
}

#[cfg(test)]
mod tests {
    #[test]
    fn shortens_by_columns() {
        assert_eq!(super::shorten("short", 10), "short");
        assert_eq!(super::shorten("a long title here", 6), "a long…");
        assert_eq!(super::shorten("广东省政府工作报告", 6), "广东省…");
    }

    use super::*;

    #[test]
    fn civil_dates() {
        assert_eq!(civil_from_unix(0), (1970, 1, 1, 0, 0));
        assert_eq!(civil_from_unix(1_611_619_200), (2021, 1, 26, 0, 0));
        assert_eq!(format_unix(1_700_000_000), "2023-11-14 22:13 UTC");
    }

    #[test]
    fn values_are_written_for_people() {
        assert_eq!(format_value(6461.3), "6,461.3");
        assert_eq!(format_value(-5.6), "-5.6");
        assert_eq!(format_value(1090000.0), "1,090,000");
        assert_eq!(format_quantity(8.5e12, "yuan"), "8.5 trillion yuan");
        assert_eq!(format_quantity(6.5, "%"), "6.5%");
        assert_eq!(format_quantity(1.09e6, "count"), "1.09 million");
    }
}

/// Words joined into lines of at most `width` characters (a longer word stands alone).
pub fn wrap_words(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let len = line.chars().count();
        if len > 0 && len + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod wrap_tests {
    #[test]
    fn words_wrap_within_the_width() {
        assert_eq!(
            super::wrap_words("Source: a.txt; b.txt; and 7 more documents.", 16),
            vec!["Source: a.txt;", "b.txt; and 7", "more documents."]
        );
        assert_eq!(super::wrap_words("", 10), vec![""]);
        assert_eq!(
            super::wrap_words("averyveryverylongword x", 5),
            vec!["averyveryverylongword", "x"]
        );
    }
}
