import DeckKit

/// Chooses the key term of a fact: bold or code spans first, then numbers with
/// units, then product and service names (capitalised runs), then the rarest
/// content word of the deck; never a stop word, never the whole fact.
///
///     let finder = KeyTermFinder(decks: [deck])
///     finder.keyTerm(of: fact)?.text   // "75%"
public struct KeyTermFinder: Sendable {
    /// How often each lowercased word occurs in the decks' facts.
    private let wordCounts: [String: Int]

    public init(decks: [Deck]) {
        var counts: [String: Int] = [:]
        for deck in decks {
            deck.root.forEachNode { node in
                for fact in node.facts {
                    for token in Self.tokens(of: fact.text.plainText) { counts[token.lowercased(), default: 0] += 1 }
                }
            }
        }
        wordCounts = counts
    }

    public func keyTerm(of fact: Fact) -> KeyTerm? {
        let plain = Array(fact.text.plainText)
        let candidates = styledTerms(of: fact, in: plain) + numberTerms(in: plain) + nameTerms(in: plain)
            + rareWordTerms(in: plain)
        return candidates.first { term in
            let trimmed = String(plain).trimmingSpacesAndPunctuation()
            return !term.text.isEmpty && term.text != trimmed && !Self.stopWords.contains(term.text.lowercased())
        }
    }

    // MARK: - Candidates in order of preference

    private func styledTerms(of fact: Fact, in plain: [Character]) -> [KeyTerm] {
        var offset = 0
        var result: [KeyTerm] = []
        for span in fact.text.spans {
            let length = span.text.count
            defer { offset += length }
            guard span.style.contains(.bold) || span.style.contains(.code) else { continue }
            let characters = Array(span.text)
            var start = 0, end = characters.count
            while start < end, characters[start].isWhitespace { start += 1 }
            while end > start, characters[end - 1].isWhitespace || characters[end - 1] == ":" { end -= 1 }
            guard end > start else { continue }
            let text = String(characters[start..<end])
            result.append(KeyTerm(text: text, kind: Self.kind(of: text), range: (offset + start)..<(offset + end)))
        }
        return result
    }

    private func numberTerms(in plain: [Character]) -> [KeyTerm] {
        let tokens = Self.tokenRanges(in: plain)
        var result: [KeyTerm] = []
        for (index, range) in tokens.enumerated() {
            let token = String(plain[range])
            guard let first = token.first, first.isNumber else { continue }
            var end = range.upperBound
            if index + 1 < tokens.count, Self.units.contains(String(plain[tokens[index + 1]]).lowercased()),
               tokens[index + 1].lowerBound == range.upperBound + 1 {
                end = tokens[index + 1].upperBound
            }
            result.append(KeyTerm(text: String(plain[range.lowerBound..<end]), kind: .number, range: range.lowerBound..<end))
        }
        return result
    }

    private func nameTerms(in plain: [Character]) -> [KeyTerm] {
        let tokens = Self.tokenRanges(in: plain)
        var result: [KeyTerm] = []
        var index = 0
        while index < tokens.count {
            guard Self.looksLikeName(String(plain[tokens[index]])) else { index += 1; continue }
            // "Supports TensorFlow": a capital opening the fact is a sentence
            // start, not part of the name that follows.
            if tokens[index].lowerBound == 0, !Self.hasInnerCapital(String(plain[tokens[index]])),
               index + 1 < tokens.count, Self.looksLikeName(String(plain[tokens[index + 1]])) {
                index += 1
            }
            var last = index
            while last + 1 < tokens.count, tokens[last + 1].lowerBound == tokens[last].upperBound + 1,
                  Self.looksLikeName(String(plain[tokens[last + 1]])) {
                last += 1
            }
            let range = tokens[index].lowerBound..<tokens[last].upperBound
            let text = String(plain[range])
            let single = String(plain[tokens[index]])
            // A capital at the start of the fact is just a sentence start, unless it is a real name.
            let sentenceStart = tokens[index].lowerBound == 0 && last == index && !Self.hasInnerCapital(single)
            if !sentenceStart && !Self.stopWords.contains(text.lowercased()) {
                result.append(KeyTerm(text: text, kind: .name, range: range))
            }
            index = last + 1
        }
        return result
    }

    private func rareWordTerms(in plain: [Character]) -> [KeyTerm] {
        var words: [(range: Range<Int>, word: String, count: Int)] = []
        for range in Self.tokenRanges(in: plain) {
            let word = String(plain[range])
            guard word.count >= 4, word.allSatisfy(\.isLetter), !Self.stopWords.contains(word.lowercased()) else { continue }
            words.append((range, word, wordCounts[word.lowercased()] ?? 0))
        }
        // Not the fact's first word (a capitalised verb, usually); then rarest
        // first; among equals the longest, then the first.
        words.sort { left, right in
            if (left.range.lowerBound == 0) != (right.range.lowerBound == 0) { return right.range.lowerBound == 0 }
            if left.count != right.count { return left.count < right.count }
            if left.word.count != right.word.count { return left.word.count > right.word.count }
            return left.range.lowerBound < right.range.lowerBound
        }
        return words.map { KeyTerm(text: $0.word, kind: .term, range: $0.range) }
    }

    // MARK: - Words

    static func kind(of text: String) -> KeyTerm.Kind {
        if text.first?.isNumber == true { return .number }
        if text.split(separator: " ").allSatisfy({ looksLikeName(String($0)) }) { return .name }
        return .term
    }

    static func looksLikeName(_ word: String) -> Bool {
        guard let first = word.first, first.isUppercase else { return false }
        return !stopWords.contains(word.lowercased())
    }

    static func hasInnerCapital(_ word: String) -> Bool {
        word.dropFirst().contains { $0.isUppercase || $0.isNumber }
    }

    /// Word ranges: runs of letters, digits and word punctuation (`-`, `.`, `%`,
    /// `/`, `'` inside a word), with trailing punctuation left out.
    static func tokenRanges(in plain: [Character]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var index = 0
        while index < plain.count {
            while index < plain.count, !isWordCharacter(plain[index]) { index += 1 }
            let start = index
            while index < plain.count, isWordCharacter(plain[index]) || (isInnerPunctuation(plain[index])
                    && index + 1 < plain.count && isWordCharacter(plain[index + 1])) {
                index += 1
            }
            if index < plain.count, plain[index] == "%" { index += 1 }
            if index > start { ranges.append(start..<index) }
        }
        return ranges
    }

    static func tokens(of text: String) -> [String] {
        let plain = Array(text)
        return tokenRanges(in: plain).map { String(plain[$0]) }
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber
    }

    private static func isInnerPunctuation(_ character: Character) -> Bool {
        character == "-" || character == "." || character == "'" || character == "’" || character == "/" || character == ","
    }

    static let units: Set<String> = [
        "%", "tb", "gb", "mb", "kb", "pb", "ms", "s", "sec", "seconds", "second", "min", "mins", "minutes",
        "minute", "hours", "hour", "h", "days", "day", "weeks", "months", "years", "gib", "mib", "tib", "x",
    ]

    static let stopWords: Set<String> = [
        "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "for", "with", "by", "at", "as", "is",
        "are", "was", "were", "be", "been", "it", "its", "it's", "this", "that", "these", "those", "from", "into",
        "not", "no", "can", "may", "more", "most", "less", "than", "then", "such", "each", "any", "all", "some",
        "which", "what", "when", "where", "who", "how", "also", "only", "used", "using", "use", "does", "doesn't",
        "has", "have", "had", "their", "there", "they", "them", "other", "between", "about", "over", "under",
        "without", "within", "like", "very", "much", "many", "better", "best", "given", "make", "makes",
        "generally", "typically", "etc", "e.g", "i.e", "up", "out", "both", "via", "per",
    ]
}

extension String {
    func trimmingSpacesAndPunctuation() -> String {
        var characters = Substring(self)
        while let first = characters.first, first.isWhitespace || first.isPunctuation { characters = characters.dropFirst() }
        while let last = characters.last, last.isWhitespace || last.isPunctuation { characters = characters.dropLast() }
        return String(characters)
    }
}
