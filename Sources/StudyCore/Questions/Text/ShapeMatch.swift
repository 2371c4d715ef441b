/// Whether a term can stand beside another as an option (or in its place
/// in a false statement) without grammar or form giving the answer away:
/// numbers with the same unit, a year with years, names with names and
/// phrases with phrases, the same script, as many words, a similar length.
enum ShapeMatch {
    /// The checks left once two terms share a `QuestionIndex.ShapeKey`:
    /// a similar length, and for numbers a similar magnitude.
    static func compatibleWithinShape(_ candidate: KeyTerm, with answer: KeyTerm) -> Bool {
        if answer.kind == .number {
            return candidate.text.first?.isNumber == answer.text.first?.isNumber && magnitudeClose(candidate.text, answer.text)
                && isWhole(candidate.text) == isWhole(answer.text)
        }
        let answerLength = answer.text.utf8.count, candidateLength = candidate.text.utf8.count
        return candidateLength * 2 >= answerLength && candidateLength <= answerLength * 2
    }

    /// Plain lowercase words agree in number with the answer, where the
    /// sentence fixes it (`fixesNumber`): "Two _____ of different types"
    /// takes "elements" or "animations", never "underlying"; "each _____ will
    /// be re-evaluated" never "network callbacks". A phrase's number is its
    /// last word's; names and code are left alone.
    static func agreeInNumber(_ candidate: String, _ answer: String) -> Bool {
        guard isPlainWords(candidate), isPlainWords(answer) else { return true }
        return isPluralForm(candidate) == isPluralForm(answer)
    }

    /// Whether the words round a term say whether it is one or many: a
    /// determiner before it ("a", "each", "two", "these") or a verb after it
    /// ("is", "are"). Elsewhere ("for the _____ and") either would read.
    static func fixesNumber(around range: Range<Int>, in tokens: TextTokens) -> Bool {
        let words = tokens.words
        if let before = words.last(where: { $0.range.upperBound <= range.lowerBound }),
           before.range.upperBound + 1 == range.lowerBound,
           numberDeterminers.contains(tokens.string(before.range).lowercased()) { return true }
        if let after = words.first(where: { $0.range.lowerBound >= range.upperBound }),
           after.range.lowerBound == range.upperBound + 1,
           ["is", "are", "was", "were", "has", "have"].contains(tokens.string(after.range).lowercased()) { return true }
        return false
    }

    /// Determiners that take one thing or many, never either.
    private static let numberDeterminers: Set<String> = [
        "a", "an", "each", "every", "one", "this", "that", "another", "two", "three", "four", "five", "these",
        "those", "many", "several", "few", "both", "multiple", "various",
    ]

    private static func isPlainWords(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { $0 == 0x20 || (0x61...0x7A).contains($0) }
    }

    /// Ends in a plural "s" ("elements", "network callbacks"), not in "ss",
    /// "us" or "is" ("class", "status", "analysis").
    static func isPluralForm(_ text: String) -> Bool {
        let last = text.split(separator: " ").last ?? ""
        return last.count > 3 && last.hasSuffix("s") && !["ss", "us", "is"].contains { last.hasSuffix($0) }
    }

    static func compatible(_ candidate: KeyTerm, with answer: KeyTerm) -> Bool {
        guard candidate.isCJK == answer.isCJK else { return false }
        switch (answer.kind, candidate.kind) {
        case (.number, .number):
            return candidate.unit == answer.unit && candidate.text.first?.isNumber == answer.text.first?.isNumber
                && magnitudeClose(candidate.text, answer.text) && isWhole(candidate.text) == isWhole(answer.text)
        case (.name, .name), (.name, .term), (.term, .name), (.term, .term), (.phrase, .phrase):
            break
        default:
            return false
        }
        // As many words (as spaces separate them; CJK: as many characters), so
        // the answer is never the odd one out by its length in words.
        guard spacedSize(candidate) == spacedSize(answer) else { return false }
        let answerLength = answer.text.utf8.count, candidateLength = candidate.text.utf8.count
        guard candidateLength * 2 >= answerLength, candidateLength <= answerLength * 2 else { return false }
        // A capitalised name beside a lowercase word ("APIs" beside "error") is a giveaway.
        guard (candidate.text.first?.isUppercase ?? false) == (answer.text.first?.isUppercase ?? false) else { return false }
        // Capitals among capitals: "OLTP" beside "DynamoDB" and "Athena" is a
        // two-way choice, "SINGLE KEYSTROKE" beside "Static field" no choice at all.
        guard isAcronym(candidate.text) == isAcronym(answer.text) else { return false }
        // Code stays with code: `fit_transform` beside "Amazon EMR" is a giveaway.
        return looksLikeCode(candidate.text) == looksLikeCode(answer.text)
    }

    /// Written in capitals throughout, two letters or more: an acronym
    /// ("OLTP", "S3", "EC2") or shouting ("SINGLE KEYSTROKE"), which must
    /// not stand alone among words written as words.
    static func isAcronym(_ text: String) -> Bool {
        var letters = 0
        for character in text where character.isLetter {
            guard character.isUppercase, character.isASCII else { return false }
            letters += 1
        }
        return letters >= 2 && text.first?.isUppercase == true
    }

    static func spacedSize(_ term: KeyTerm) -> Int {
        if term.isCJK { return term.text.count }
        var words = 0, inWord = false
        for byte in term.text.utf8 {
            if byte == 0x20 { inWord = false } else if !inWord { inWord = true; words += 1 }
        }
        return words
    }

    /// Within a factor of a thousand: "16 TB" beside "150TB", not "0.5%" beside "90%"... both percentages do pass.
    /// Within a thousandfold of each other, and written with as many digits
    /// give or take one: "900" among "1", "2" and "8" stands out.
    private static func magnitudeClose(_ left: String, _ right: String) -> Bool {
        func digitCount(_ text: String) -> Int { text.filter(\.isNumber).count }
        guard abs(digitCount(left) - digitCount(right)) <= 1 else { return false }
        guard let a = value(of: left), let b = value(of: right), a > 0, b > 0 else { return true }
        return max(a, b) / min(a, b) <= 1000
    }

    static func value(of text: String) -> Double? {
        let digits = text.drop { !$0.isNumber }.prefix { $0.isNumber || $0 == "." || $0 == "," }
        return Double(digits.filter { $0 != "," })
    }

    static func looksLikeCode(_ text: String) -> Bool {
        text.containsBytes("_") || text.containsBytes("(") && text.hasSuffix(")") && !text.containsBytes(" ") || text.containsBytes("::")
            || text.containsBytes(".") && !text.containsBytes(" ") && text.first?.isLetter == true && text.first?.isLowercase == true
    }

    /// Numbers of the same unit and form made from the answer (double, half,
    /// ten times, a tenth; years a few apart), for when the notes have too
    /// few of their own.
    /// Whether a number is written whole ("2", "1,000") rather than with a
    /// decimal point ("1.53"): "2" among "1.53" and "0.35" stands out.
    static func isWhole(_ text: String) -> Bool {
        !text.drop { !$0.isNumber }.prefix { $0.isNumber || $0 == "." || $0 == "," }.contains(".")
    }

    static func madeUpNumbers(like answer: KeyTerm) -> [KeyTerm] {
        guard let value = value(of: answer.text) else { return [] }
        let digits = answer.text.drop { !$0.isNumber }.prefix { $0.isNumber || $0 == "." || $0 == "," }
        guard !digits.contains(",") else { return [] }
        let isInteger = !digits.contains(".")
        var values: [Double]
        if answer.unit == "year" {
            // Years stay years (1900–2099), or they read as counts beside the answer.
            values = [value - 3, value + 2, value - 1, value + 5].filter { (1900...2099).contains($0) }
        } else if answer.unit == "%" {
            values = [value / 2, value * 2, value + 15, value - 15, value / 3].map { $0.rounded() }.filter { $0 > 0 && $0 <= 100 }
        } else {
            values = [value * 2, value / 2, value * 10, value * 4, value / 10]
        }
        var result: [KeyTerm] = []
        var seen: Set<String> = [String(digits)]
        for candidate in values where candidate > 0 {
            if isInteger && candidate != candidate.rounded() { continue }
            let written = isInteger ? String(Int(candidate)) : String(candidate)
            // A made-up count must not look like a year beside the others.
            if answer.unit == "", isInteger, (1900...2099).contains(Int(candidate)) { continue }
            guard seen.insert(written).inserted else { continue }
            let text = answer.text.replacingFirst(String(digits), with: written)
            result.append(KeyTerm(text: text, kind: .number, range: answer.range, unit: answer.unit, wordCount: 1))
        }
        return result
    }
}

extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = firstRange(of: target) else { return self }
        var copy = self
        copy.replaceSubrange(range, with: replacement)
        return copy
    }
}
