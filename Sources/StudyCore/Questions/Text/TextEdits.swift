/// Whole-token finding and replacing in a tokenised text: the only way the
/// generator changes a fact's words.
enum TextEdits {
    /// Every case-insensitive occurrence of `phrase` that starts and ends on
    /// token boundaries.
    static func occurrences(of phrase: String, in tokens: TextTokens) -> [Range<Int>] {
        let needle = Array(phrase.lowercased().utf16)
        guard !needle.isEmpty else { return [] }
        let boundaries = SegmentEnds(tokens)
        var result: [Range<Int>] = []
        var lastEnd = 0
        for word in tokens.words where word.range.lowerBound >= lastEnd {
            let start = word.range.lowerBound
            let end = start + needle.count
            guard end <= tokens.units.count, boundaries.contains(end) else { continue }
            if matchesLowercased(tokens.units[start..<end], needle) ?? tokens.string(start..<end).lowercased().utf16.elementsEqual(needle) {
                result.append(start..<end)
                lastEnd = end
            }
        }
        // A term that starts with punctuation ("$0.10") starts before a word.
        if result.isEmpty, let first = needle.first, !(Character(Unicode.Scalar(first) ?? " ").isLetter) {
            let lowered = Array(tokens.text.lowercased().utf16)
            if lowered.count == tokens.units.count {
                var index = 0
                while index + needle.count <= lowered.count {
                    if lowered[index..<(index + needle.count)].elementsEqual(needle), boundaries.contains(index + needle.count),
                       index == 0 || boundaries.contains(index) {
                        result.append(index..<(index + needle.count))
                        index += needle.count
                    } else {
                        index += 1
                    }
                }
            }
        }
        return result
    }

    /// Whether ASCII `units` lowercased are `needle`; nil when a unit is not
    /// ASCII (its lowercase form may differ in length: the caller asks the
    /// String). Most words are ASCII, and this is asked for every word of a
    /// fact, for every candidate term.
    private static func matchesLowercased(_ units: ArraySlice<UInt16>, _ needle: [UInt16]) -> Bool? {
        var index = 0
        for unit in units {
            guard unit < 0x80 else { return nil }
            let lower = (0x41...0x5A).contains(unit) ? unit + 0x20 : unit
            if lower != needle[index] { return false }
            index += 1
        }
        return true
    }

    /// The ends of a text's segments (sorted), searched by halving rather
    /// than hashed into a set on every call.
    private struct SegmentEnds {
        let segments: [TextTokens.Token]
        init(_ tokens: TextTokens) { segments = tokens.segments }

        func contains(_ offset: Int) -> Bool {
            var low = 0, high = segments.count
            while low < high {
                let middle = (low + high) / 2
                let end = segments[middle].range.upperBound
                if end == offset { return true }
                if end < offset { low = middle + 1 } else { high = middle }
            }
            return false
        }
    }

    /// The text with each range (sorted, not overlapping) replaced.
    static func replacing(_ ranges: [Range<Int>], in tokens: TextTokens, with replacement: String) -> String {
        var result = ""
        var position = 0
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) where range.lowerBound >= position {
            result += tokens.string(position..<range.lowerBound) + replacement
            position = range.upperBound
        }
        return result + tokens.string(position..<tokens.units.count)
    }

    /// Whether the term stands in parentheses, or right before a parenthesis:
    /// an abbreviation and its expansion give each other away.
    /// Whether the range is followed by a name or two in brackets ("Google
    /// Apps (Gmail)"): an example that names what a blank there would hide.
    static func isFollowedByANamedExample(_ range: Range<Int>, in tokens: TextTokens) -> Bool {
        let rest = tokens.gap(from: range.upperBound, to: min(tokens.units.count, range.upperBound + 40))
        guard rest.hasPrefix(" (") || rest.hasPrefix("("), let close = rest.firstIndex(of: ")") else { return false }
        let inside = rest[rest.index(after: rest.firstIndex(of: "(")!)..<close]
        let words = inside.split(separator: " ")
        return (1...2).contains(words.count) && words.allSatisfy { $0.first?.isUppercase == true }
    }

    static func isParenthesised(_ range: Range<Int>, in tokens: TextTokens) -> Bool {
        let term = tokens.string(range)
        let before = tokens.gap(from: max(0, range.lowerBound - 1), to: range.lowerBound)
        // "Amazon Web Services (AWS)": the abbreviation in brackets after its expansion.
        if before == "(" || before == "（", isAbbreviation(term) { return true }
        // "Random Cut Forest (RCF)": the expansion before its abbreviation.
        let rest = tokens.gap(from: range.upperBound, to: min(tokens.units.count, range.upperBound + 16))
        if rest.hasPrefix(" (") || rest.hasPrefix("(") {
            let inside = rest.drop { $0 == " " || $0 == "(" }.prefix { $0 != ")" }
            if isAbbreviation(String(inside)) { return true }
        }
        return false
    }

    private static func isAbbreviation(_ text: String) -> Bool {
        text.count >= 2 && text.count <= 8 && text.first?.isUppercase == true
            && text.filter({ $0.isUppercase }).count >= 2 && !text.contains(" ")
    }

    /// Whether `range` lies between an opening and a closing bracket.
    static func isInsideParentheses(_ range: Range<Int>, in tokens: TextTokens) -> Bool {
        let before = tokens.gap(from: 0, to: range.lowerBound)
        let after = tokens.gap(from: range.upperBound, to: tokens.units.count)
        guard let open = before.lastIndex(where: { $0 == "(" || $0 == "（" }) else { return false }
        if before[open...].contains(where: { $0 == ")" || $0 == "）" }) { return false }
        return after.contains { $0 == ")" || $0 == "）" }
    }

    /// Whether katakana in `range` touches more katakana on either side: ICU's
    /// dictionary splits loanword compounds ("バック|エンド"), while its kanji
    /// and hanzi words are whole (a Chinese word always touches others).
    static func runsIntoSameScript(_ range: Range<Int>, in tokens: TextTokens) -> Bool {
        func script(_ unit: UInt16) -> Int {
            (0x30A0...0x30FF).contains(unit) ? 1 : 0 // katakana and the long-vowel mark
        }
        let units = tokens.units
        guard !range.isEmpty else { return false }
        let first = script(units[range.lowerBound]), last = script(units[range.upperBound - 1])
        if range.lowerBound > 0, first != 0, script(units[range.lowerBound - 1]) == first { return true }
        if range.upperBound < units.count, last != 0, script(units[range.upperBound]) == last { return true }
        return false
    }

    /// `range` grown over the katakana or kanji next to it, so a mask never
    /// leaves half a word showing.
    static func sameScriptRun(around range: Range<Int>, in tokens: TextTokens) -> Range<Int> {
        func script(_ unit: UInt16) -> Int {
            if (0x30A0...0x30FF).contains(unit) { return 1 }
            if (0x3400...0x9FFF).contains(unit) { return 2 }
            return 0
        }
        let units = tokens.units
        guard !range.isEmpty, script(units[range.lowerBound]) != 0 else { return range }
        var start = range.lowerBound, end = range.upperBound
        let kind = script(units[start])
        while start > 0, script(units[start - 1]) == kind { start -= 1 }
        while end < units.count, script(units[end]) == script(units[end - 1]), script(units[end]) != 0 { end += 1 }
        return start..<end
    }

    /// `range` grown over words joined to it by hyphens ("user-supplied").
    static func hyphenatedWord(around range: Range<Int>, in tokens: TextTokens) -> Range<Int> {
        let units = tokens.units
        func isWordUnit(_ unit: UInt16) -> Bool {
            (0x30...0x39).contains(unit) || (0x41...0x5A).contains(unit) || (0x61...0x7A).contains(unit)
        }
        var start = range.lowerBound, end = range.upperBound
        while start >= 2, units[start - 1] == 0x2D, isWordUnit(units[start - 2]) {
            start -= 1
            while start > 0, isWordUnit(units[start - 1]) { start -= 1 }
        }
        while end + 1 < units.count, units[end] == 0x2D, isWordUnit(units[end + 1]) {
            end += 1
            while end < units.count, isWordUnit(units[end]) { end += 1 }
        }
        return start..<end
    }

    /// Sorted ranges with overlapping or touching ones joined.
    static func mergedRuns(_ ranges: [Range<Int>]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = result.last, range.lowerBound <= last.upperBound {
                result[result.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                result.append(range)
            }
        }
        return result
    }

    /// Whether `term` (two characters or more) stands inside a longer word of
    /// `text`, as "MQ" in "ActiveMQ" (same case: "EC2" in "ec2-user" is not).
    static func occursInsideAWord(_ term: String, in text: String) -> Bool {
        guard term.utf8.count >= 2, term.utf8.allSatisfy({ $0 < 0x80 }) else { return false }
        // On UTF-8 bytes: the term is ASCII, so it matches only whole characters.
        let needle = Array(term.utf8), haystack = Array(text.utf8)
        guard haystack.count >= needle.count else { return false }
        var index = 0
        while index + needle.count <= haystack.count {
            if haystack[index] == needle[0], haystack[index..<(index + needle.count)].elementsEqual(needle),
               isWordCharacter(endingAt: index, in: haystack) || isWordCharacter(startingAt: index + needle.count, in: haystack) {
                return true
            }
            index += 1
        }
        return false
    }

    /// Whether the character whose UTF-8 bytes end right before `end` is a
    /// letter, a digit or a mark (which belongs to the letter before it).
    private static func isWordCharacter(endingAt end: Int, in bytes: [UInt8]) -> Bool {
        guard end > 0 else { return false }
        var start = end - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return isWordCharacter(bytes[start..<end])
    }

    private static func isWordCharacter(startingAt start: Int, in bytes: [UInt8]) -> Bool {
        guard start < bytes.count else { return false }
        var end = start + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return isWordCharacter(bytes[start..<end])
    }

    private static func isWordCharacter(_ bytes: ArraySlice<UInt8>) -> Bool {
        if bytes.count == 1, let byte = bytes.first {
            return (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
        }
        guard let scalar = String(decoding: bytes, as: UTF8.self).unicodeScalars.first else { return false }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark:
            return true
        default:
            return scalar.properties.numericType != nil
        }
    }

    /// The words of `text`, lowercased: runs of letters and digits (a
    /// Chinese or Japanese character ends a word). ASCII (most notes) by its
    /// bytes, the same words as `lowercasedWordsByCharacter` gives: grapheme
    /// breaking was a twentieth of `awsml-tui questions` on a 3,600-fact post.
    static func lowercasedWords(_ text: String) -> [String] {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return lowercasedWordsByCharacter(text) }
        var found: [String] = [], word: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case 0x41...0x5A: word.append(byte + 0x20)
            case 0x61...0x7A, 0x30...0x39: word.append(byte)
            default:
                if !word.isEmpty { found.append(String(decoding: word, as: UTF8.self)) }
                word.removeAll(keepingCapacity: true)
            }
        }
        if !word.isEmpty { found.append(String(decoding: word, as: UTF8.self)) }
        return found
    }

    /// The same by `Character`, for any text.
    static func lowercasedWordsByCharacter(_ text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0.isNumber) || $0.unicodeScalars.first.map { $0.value >= 0x3040 } == true }
            .map(String.init)
    }

    /// Whether a word of `term` that is not grammar shows in `shown` as a
    /// word, in the singular or plural ("ABIs" beside "ABI", the "type" of
    /// `type Foo: Ord` beside "types"), or as a part of an identifier
    /// ("hex" in `ToHex`, `identifierParts`). Latin words only; Chinese and
    /// Japanese are checked by their characters elsewhere.
    static func showsAWord(of term: String, in shown: String) -> Bool {
        let termWords = lowercasedWords(term).filter { !WordLists.grammarWords.contains($0) }
        guard !termWords.isEmpty else { return false }
        let visible = Set(lowercasedWords(shown))
        // Worked out only when no whole word gives the term away.
        var parts: Set<String>?
        return termWords.contains { word in
            if visible.contains(word) || visible.contains(word + "s") || visible.contains(word + "es")
                || (word.hasSuffix("s") && word.count > 3 && visible.contains(String(word.dropLast()))) { return true }
            if word.count >= 3 {
                if parts == nil { parts = identifierParts(shown) }
                if let parts, parts.contains(word) || (word.hasSuffix("s") && word.count > 3 && parts.contains(String(word.dropLast()))) {
                    return true
                }
            }
            // Most of it as a part of another ("euclidean" with "div_euclid" in view).
            guard word.count >= 5 else { return false }
            return visible.contains { part in
                guard part.count >= 5, part != word else { return false }
                let (short, long) = part.count < word.count ? (part, word) : (word, part)
                return long.hasPrefix(short) && short.count * 3 >= long.count * 2
            }
        }
    }

    /// The parts of three letters or more, lowercased, of the words of
    /// `text` written in camelCase, PascalCase or snake_case: "ToHex" shows
    /// "hex", "XMLHttpRequest" "xml", "http" and "request", "div_euclid"
    /// "div" and "euclid". A word of one part ("Hexdump", "__init__") gives
    /// none: it is a word `lowercasedWords` finds whole.
    static func identifierParts(_ text: String) -> Set<String> {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return identifierPartsByCharacter(text) }
        // ASCII by its bytes, as `lowercasedWords`: this is asked for many phrases of a fact.
        var found: Set<String> = []
        var parts: [[UInt8]] = [], part: [UInt8] = []
        func isUpper(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) }
        func isLower(_ byte: UInt8) -> Bool { (0x61...0x7A).contains(byte) }
        func endPart() {
            if !part.isEmpty { parts.append(part) }
            part.removeAll(keepingCapacity: true)
        }
        func endWord() {
            endPart()
            if parts.count >= 2 {
                for piece in parts where piece.count >= 3 {
                    found.insert(String(decoding: piece.map { isUpper($0) ? $0 + 0x20 : $0 }, as: UTF8.self))
                }
            }
            parts.removeAll(keepingCapacity: true)
        }
        let bytes = Array(text.utf8)
        for (index, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "_") { endPart(); continue }
            guard isUpper(byte) || isLower(byte) || (0x30...0x39).contains(byte) else { endWord(); continue }
            if let previous = part.last {
                let next = index + 1 < bytes.count ? bytes[index + 1] : 0
                if (isLower(previous) && isUpper(byte)) || (isUpper(previous) && isUpper(byte) && isLower(next)) { endPart() }
            }
            part.append(byte)
        }
        endWord()
        return found
    }

    /// The same by `Character`, for any text.
    static func identifierPartsByCharacter(_ text: String) -> Set<String> {
        var found: Set<String> = []
        var parts: [String] = [], part = ""
        func endPart() {
            if !part.isEmpty { parts.append(part) }
            part = ""
        }
        func endWord() {
            endPart()
            if parts.count >= 2 {
                for piece in parts where piece.count >= 3 { found.insert(piece.lowercased()) }
            }
            parts.removeAll()
        }
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            if character == "_" { endPart(); continue }
            // A Chinese or Japanese character ends a word, as in `lowercasedWords`.
            guard character.isLetter || character.isNumber,
                  character.unicodeScalars.first.map({ $0.value < 0x3040 }) ?? false else {
                endWord()
                continue
            }
            if let previous = part.last {
                let next = index + 1 < characters.count ? characters[index + 1] : nil
                // "toHex": a capital after a small letter; "XMLHttp": the last of a run of capitals opens the next part.
                if (previous.isLowercase && character.isUppercase)
                    || (previous.isUppercase && character.isUppercase && next?.isLowercase == true) {
                    endPart()
                }
            }
            part.append(character)
        }
        endWord()
        return found
    }

    /// Whether the range is joined by a hyphen to a word before or after it
    /// ("@-pointers", "warn-by-default"): a blank there takes half a word.
    static func isHyphenJoined(_ range: Range<Int>, in tokens: TextTokens) -> Bool {
        let units = tokens.units
        func isLetterOrDigit(_ unit: UInt16) -> Bool {
            (0x30...0x39).contains(unit) || (0x41...0x5A).contains(unit) || (0x61...0x7A).contains(unit) || unit >= 0x80
        }
        let after = range.upperBound + 1 < units.count && units[range.upperBound] == 0x2D && isLetterOrDigit(units[range.upperBound + 1])
        let before = range.lowerBound >= 2 && units[range.lowerBound - 1] == 0x2D && isLetterOrDigit(units[range.lowerBound - 2])
        return after || before
    }

    /// Whether an ASCII letter or digit stands right before or after `range`.
    static func touchesLatin(_ range: Range<Int>, in tokens: TextTokens) -> Bool {
        func isLatin(_ unit: UInt16) -> Bool {
            (0x30...0x39).contains(unit) || (0x41...0x5A).contains(unit) || (0x61...0x7A).contains(unit)
        }
        return (range.lowerBound > 0 && isLatin(tokens.units[range.lowerBound - 1]))
            || (range.upperBound < tokens.units.count && isLatin(tokens.units[range.upperBound]))
    }

    /// The word right before `range`, if any.
    static func wordBefore(_ range: Range<Int>, in tokens: TextTokens) -> String? {
        tokens.words.last { $0.range.upperBound <= range.lowerBound }.map { tokens.string($0.range) }
    }

    /// Whether a word follows itself ("Amazon Amazon EC2"): a sign a swap
    /// broke the sentence.
    static func repeatsAWord(_ text: String) -> Bool {
        let tokens = TextTokens(text)
        for (left, right) in zip(tokens.words, tokens.words.dropFirst()) where !left.kind.isCJK {
            let gap = tokens.gap(from: left.range.upperBound, to: right.range.lowerBound)
            if gap.allSatisfy({ $0 == " " }), tokens.string(left.range).lowercased() == tokens.string(right.range).lowercased() {
                return true
            }
        }
        return false
    }

    /// Whether `word` has two consecutive characters that also stand
    /// together in `title` (Chinese and Japanese titles, where a topic's
    /// word shows inside the fact's longer words).
    static func sharesTwoCharacters(_ word: String, with title: String) -> Bool {
        let characters = Array(word)
        guard characters.count >= 2 else { return title.contains(word) && !word.isEmpty && word.unicodeScalars.allSatisfy { $0.value >= 0x3400 } }
        for index in 0..<(characters.count - 1) where title.contains(String(characters[index...index + 1])) {
            return true
        }
        return false
    }
}
