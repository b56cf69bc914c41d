//! The normalized copy of a Chinese text that the reader works on: Simplified script
//! (traditional.txt), full-width ASCII as ASCII (NFKC for the characters a number or a
//! clause is made of). Every character maps to exactly one character, so a position in
//! the copy maps back to the original, and quotes are always cut from the original.

use super::lex::ZhLex;

pub struct Norm {
    pub text: String,
    /// Original byte offset of each byte offset of `text` (and of its end); none when
    /// the two have the same layout (no full-width ASCII in the original).
    map: Option<Vec<u32>>,
}

/// The ASCII twin of a full-width form ("６" -> '6', "，" -> ',', "％" -> '%').
#[inline]
fn half_width(c: char) -> Option<char> {
    let u = c as u32;
    if (0xFF01..=0xFF5E).contains(&u) {
        char::from_u32(u - 0xFEE0)
    } else {
        None
    }
}

impl Norm {
    pub fn new(lex: &ZhLex, orig: &str) -> Norm {
        let mut text = String::with_capacity(orig.len());
        let mut map: Option<Vec<u32>> = None;
        for (i, c) in orig.char_indices() {
            match half_width(c) {
                Some(h) => {
                    let m = map.get_or_insert_with(|| {
                        let mut v = Vec::with_capacity(orig.len() + 1);
                        v.extend(0..text.len() as u32);
                        v
                    });
                    m.push(i as u32);
                    text.push(h);
                }
                None => {
                    let s = lex.simplified(c);
                    if let Some(m) = map.as_mut() {
                        for k in 0..s.len_utf8() {
                            m.push((i + k) as u32);
                        }
                    }
                    text.push(s);
                }
            }
        }
        if let Some(m) = map.as_mut() {
            m.push(orig.len() as u32);
        }
        Norm { text, map }
    }

    /// The original offset of a normalized one.
    #[inline]
    pub fn orig(&self, i: usize) -> usize {
        match &self.map {
            Some(m) => m.get(i).map_or(i, |&o| o as usize),
            None => i,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_map_back_to_the_original() {
        let lex = ZhLex::get();
        let orig = "地區生產總值增長６．５％，達到";
        let n = Norm::new(lex, orig);
        assert_eq!(n.text, "地区生产总值增长6.5%,达到");
        let at = n.text.find("6.5%").unwrap();
        let end = at + "6.5%".len();
        assert_eq!(&orig[n.orig(at)..n.orig(end)], "６．５％");
        // without full-width forms the layout is the same
        let n = Norm::new(lex, "糧食產量1.3萬億斤");
        assert_eq!(n.text, "粮食产量1.3万亿斤");
        assert_eq!(n.orig(5), 5);
    }
}
