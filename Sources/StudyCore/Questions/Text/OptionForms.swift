/// The forms in which two options are "the same thing": equal modulo case,
/// spacing, punctuation, a plural, an emoji or a parenthesised abbreviation
/// ("100mb" and "100 Mb"; "📖 Random Cut Forest" and "Random Cut Forest
/// (RCF)"), and the word stems by which one option contains another. In
/// Chinese and Japanese, where words run together and a loanword may end in
/// "ー" or not, by the character pairs the two share (`sayTheSame`).
public enum OptionForms {
    /// One key per thing: options with equal keys name the same thing.
    public static func key(_ text: String) -> String {
        // ASCII, the common case, by bytes.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var kept: [UInt8] = []
            kept.reserveCapacity(text.utf8.count)
            var depth = 0
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "("): depth += 1
                case UInt8(ascii: ")"): depth = max(0, depth - 1)
                case _ where depth > 0: continue
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "%"): kept.append(byte)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): kept.append(byte + 32)
                default: continue
                }
            }
            if kept.isEmpty { return text.lowercased() }
            return stem(String(decoding: kept, as: UTF8.self))
        }
        var kept = ""
        var depth = 0
        for character in text.lowercased() {
            if character == "(" || character == "（" { depth += 1; continue }
            if character == ")" || character == "）" { depth = max(0, depth - 1); continue }
            guard depth == 0 else { continue }
            if character.isLetter || character.isNumber { kept.append(character) }
            else if character == "%" { kept.append("%") }
        }
        if kept.isEmpty { return text.lowercased() }
        return stem(kept)
    }

    /// Equal keys, or one the other's plural ("API" and "APIs", where the
    /// stemmer leaves "apis" alone for the sake of "analysis").
    public static func sameThing(_ left: String, _ right: String) -> Bool {
        sameThing(key: key(left), key: key(right))
    }

    /// `sameThing` on keys already made.
    public static func sameThing(key a: String, key b: String) -> Bool {
        a == b || a + "s" == b || b + "s" == a || a + "es" == b || b + "es" == a
    }

    /// The stems of the words of `text` (function words left out), for "one
    /// contains the other" and "a word of the answer shows".
    public static func contentStems(_ text: String) -> Set<String> {
        let tokens = TextTokens(text)
        var stems: Set<String> = []
        for word in tokens.words {
            let string = tokens.string(word.range).lowercased()
            if word.kind.isCJK {
                if string.count >= 2 && !WordLists.cjkFunctionWords.contains(string) { stems.insert(string) }
                continue
            }
            guard !WordLists.functionWords.contains(string) else { continue }
            stems.insert(stem(string))
            // "research.google.com" shows "google" too.
            if string.utf8.contains(where: { $0 < 0x80 && !(0x30...0x39).contains($0) && !(0x41...0x5A).contains($0) && !(0x61...0x7A).contains($0) }) {
                for part in string.split(whereSeparator: { !($0.isLetter || $0.isNumber) }) where part.count >= 2 {
                    stems.insert(stem(String(part)))
                }
            }
        }
        return stems
    }

    /// A crude English stem: "warehouses" → "warehous", "policies" → "policy",
    /// "groups" → "group", "tagging" → "tagg", "cache" and "caching" → "cach"; enough to see that two words
    /// are forms of one.
    public static func stem(_ word: String) -> String {
        var word = word
        if word.hasSuffix("'s") || word.hasSuffix("’s") { word.removeLast(2) }
        // Lengths in UTF-8 bytes: `count` walks the graphemes, and this runs
        // for every word of every option weighed.
        let length = word.utf8.count
        if length > 4, word.hasSuffix("ies") { return String(word.dropLast(3)) + "y" }
        if length > 5, word.hasSuffix("sses") || word.hasSuffix("xes") || word.hasSuffix("ches") || word.hasSuffix("shes") {
            return String(word.dropLast(2))
        }
        var base = length
        if length > 3, word.hasSuffix("s"), !word.hasSuffix("ss"), !word.hasSuffix("us"), !word.hasSuffix("is") {
            word.removeLast(); base -= 1
        } else if length > 6, word.hasSuffix("ing") {
            word.removeLast(3); base -= 3
        } else if length > 5, word.hasSuffix("ed") {
            word.removeLast(2); base -= 2
        }
        // "cache" and "caching", "update" and "updated": one stem ("cach", "updat").
        if base > 4, word.hasSuffix("e"), !word.hasSuffix("ee") { word.removeLast() }
        return word
    }

    /// Whether two options name the same thing, or one's words hold all of
    /// the other's ("EC2" and "Amazon EC2"), or in Chinese and Japanese
    /// most of one's character pairs stand in the other.
    public static func overlap(_ left: String, _ right: String) -> Bool {
        sameThing(left, right) || nested(contentStems(left), contentStems(right))
            || sayTheSame(pairs: characterPairs(left), pairs: characterPairs(right))
    }

    /// The pairs of adjacent characters of a Chinese or Japanese text
    /// (empty for any other): letters and digits only, lowercased, and a
    /// katakana word's closing long-vowel mark dropped ("エントリー" is
    /// "エントリ", as the notes spell it one way or the other). A table
    /// row's column headers ("詳細: …; 冪等性*: Yes") are left out: every
    /// row has them. Each pair is its two scalars' values in one number.
    public static func characterPairs(_ text: String) -> Set<UInt64> {
        // Kana and the CJK ideographs all start with a byte E3–E9 in UTF-8.
        guard text.utf8.contains(where: { (0xE3...0xE9).contains($0) }),
              text.unicodeScalars.contains(where: { (0x3040...0x30FF).contains($0.value) || (0x3400...0x9FFF).contains($0.value) })
        else { return [] }
        func isKatakana(_ scalar: Unicode.Scalar) -> Bool { (0x30A1...0x30FA).contains(scalar.value) || scalar == "ー" }
        // A row's "header: cell" segments keep their cells ("欠点: DNS", one segment, is no row).
        let segments = text.split { $0 == ";" || $0 == "；" }
        let cells = segments.count < 2 ? text : segments.map { segment -> Substring in
            guard let colon = segment.firstIndex(where: { $0 == ":" || $0 == "：" }) else { return segment }
            let cell = segment[segment.index(after: colon)...]
            return cell.contains(where: { $0.isLetter || $0.isNumber }) ? cell : segment
        }.joined(separator: " ")
        let scalars = Array(cells.lowercased().unicodeScalars)
        var kept: [Unicode.Scalar] = []
        for (index, scalar) in scalars.enumerated() where scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
            if scalar == "ー", let last = kept.last, isKatakana(last), index + 1 == scalars.count || !isKatakana(scalars[index + 1]) {
                continue
            }
            kept.append(scalar)
        }
        var pairs: Set<UInt64> = []
        for (left, right) in zip(kept, kept.dropFirst()) { pairs.insert(UInt64(left.value) << 32 | UInt64(right.value)) }
        return pairs
    }

    /// Whether 80% or more of the smaller set of character pairs stand in
    /// the other: two Chinese or Japanese options that say one thing in
    /// other words ("アプリケーションはキャッシュにあるエントリを追加・更新します"
    /// and "キャッシュのエントリーを追加・更新します"), or one inside the other.
    public static func sayTheSame(pairs left: Set<UInt64>, pairs right: Set<UInt64>) -> Bool {
        guard !left.isEmpty, !right.isEmpty else { return false }
        let (shorter, longer) = left.count <= right.count ? (left, right) : (right, left)
        return shorter.intersection(longer).count * 5 >= shorter.count * 4
    }

    /// Whether one set of stems holds all of the other's (neither empty).
    public static func nested(_ left: Set<String>, _ right: Set<String>) -> Bool {
        guard !left.isEmpty, !right.isEmpty else { return false }
        return left.isSubset(of: right) || right.isSubset(of: left)
    }
}
