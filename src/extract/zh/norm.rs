//! The normalized copy of a Chinese text that the reader works on: Simplified script
//! (traditional.txt), full-width ASCII as ASCII (NFKC for the characters a number or a
//! clause is made of). Every character maps to exactly one character, so a position in
//! the copy maps back to the original, and quotes are always cut from the original.

use super::lex::ZhLex;

pub struct Norm {
    pub text: String,
    /// Where the layouts part: (offset in `text` after a full-width character, how many
    /// bytes the original is ahead from there). Sparse, so a text of many full-width
    /// characters costs a few bytes each rather than four bytes per byte of text.
    shifts: Vec<(u32, u32)>,
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
        let mut shifts: Vec<(u32, u32)> = Vec::new();
        let mut ahead = 0u32;
        for c in orig.chars() {
            match half_width(c) {
                Some(h) => {
                    text.push(h);
                    ahead += (c.len_utf8() - h.len_utf8()) as u32;
                    shifts.push((text.len() as u32, ahead));
                }
                None => text.push(lex.simplified(c)),
            }
        }
        Norm { text, shifts }
    }

    /// The original offset of a normalized one.
    #[inline]
    pub fn orig(&self, i: usize) -> usize {
        let k = self.shifts.partition_point(|&(at, _)| at as usize <= i);
        match k {
            0 => i,
            _ => i + self.shifts[k - 1].1 as usize,
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
