/// Folds text for searching: case-insensitive and accent-insensitive, one
/// folded character per grapheme, so a match found in folded text maps back to
/// the same positions in the original (which the views highlight).
///
///     SearchFolding.fold("Précision")   // ["p","r","e","c","i","s","i","o","n"]
///     SearchFolding.fold("e\u{301}")    // ["e"]
public enum SearchFolding {
    public static func fold(_ text: String) -> [Character] {
        text.map(fold)
    }

    /// One grapheme folded: its first scalar without accents, lowercased.
    /// Combining marks after the base are part of the grapheme and so vanish.
    public static func fold(_ character: Character) -> Character {
        guard let first = character.unicodeScalars.first else { return character }
        if first.isASCII {
            let value = first.value
            return (0x41...0x5A).contains(value) ? Character(Unicode.Scalar(value + 0x20)!) : Character(first)
        }
        let base = withoutAccent(first)
        let lower = base.properties.lowercaseMapping
        return lower.unicodeScalars.count == 1 ? Character(lower) : Character(base)
    }

    /// Offsets in `haystack` where `needle` starts (non-overlapping).
    public static func occurrences(of needle: [Character], in haystack: [Character]) -> [Int] {
        guard !needle.isEmpty, needle.count <= haystack.count else { return [] }
        var result: [Int] = []
        var index = 0
        while index <= haystack.count - needle.count {
            if haystack[index] == needle[0] && haystack[index..<(index + needle.count)].elementsEqual(needle) {
                result.append(index)
                index += needle.count
            } else {
                index += 1
            }
        }
        return result
    }

    /// Whether `needle` occurs in `haystack`.
    public static func contains(_ haystack: [Character], _ needle: [Character]) -> Bool {
        guard !needle.isEmpty, needle.count <= haystack.count else { return needle.isEmpty }
        for index in 0...(haystack.count - needle.count)
        where haystack[index] == needle[0] && haystack[index..<(index + needle.count)].elementsEqual(needle) {
            return true
        }
        return false
    }

    /// The base letter of an accented Latin letter (Latin-1 Supplement and
    /// Latin Extended-A); other scalars unchanged.
    static func withoutAccent(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let value = scalar.value
        guard (0xC0...0x17F).contains(value) else { return scalar }
        let latin1 = "AAAAAAACEEEEIIIIDNOOOOO×OUUUUYÞßaaaaaaaceeeeiiiidnooooo÷ouuuuyþy"
        if value < 0x100 {
            let index = latin1.unicodeScalars.index(latin1.unicodeScalars.startIndex, offsetBy: Int(value - 0xC0))
            return latin1.unicodeScalars[index]
        }
        // Latin Extended-A comes in upper/lower pairs of one base letter.
        let extendedA = "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiJjJjKkkLlLlLlLlLlNnNnNnnNnOoOoOoOoRrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs"
        let offset = Int(value - 0x100)
        let scalars = extendedA.unicodeScalars
        guard offset < scalars.count else { return scalar }
        return scalars[scalars.index(scalars.startIndex, offsetBy: offset)]
    }
}
