/// Scalars that always make a one-column grapheme on their own: printable
/// ASCII and Latin-1 (but the soft hyphen), Latin Extended and spacing
/// modifiers, general punctuation (`–`, `…`, `›`, but no separators, bidi or
/// invisible format characters), arrows, box drawing, block elements and
/// most geometric shapes.
///
/// No scalar here joins its neighbour into one grapheme (none is a combining
/// mark, joiner, variation selector, regional indicator or Hangul jamo, and
/// none is a control), so text made only of them is one grapheme and one
/// column per scalar. That is most of what a frame draws, and the buffer then
/// skips grapheme breaking and width lookups. A test checks every scalar here
/// against `TextWidth` and the grapheme rules of the standard library.
///
///     NarrowScalar.standsAlone("›")        // true
///     NarrowScalar.standsAlone("\u{301}")  // false: a combining accent
enum NarrowScalar {
    static func standsAlone(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        switch value {
        case 0x20...0x7E, 0xA0...0xAC, 0xAE...0x2FF, 0x2010...0x2027, 0x2030...0x205E, 0x2190...0x21FF,
             0x2500...0x25FC:
            return true
        default:
            return false
        }
    }
}
