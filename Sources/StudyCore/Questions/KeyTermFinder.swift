import DeckKit

/// Finds the terms of a fact worth hiding, best first: bold or code text,
/// the term a "Term: definition" bullet defines, numbers with their units,
/// names found mid-sentence (or with inner capitals: "SageMaker", "S3"),
/// Chinese and Japanese content words, and last a content noun phrase.
/// Never a function word, pronoun, auxiliary, adverb or yes/no, never a
/// capital that only starts the sentence, and never the whole fact: a fact
/// with no good term gets fewer kinds of question, not a bad blank.
///
///     KeyTermFinder.candidates(of: fact).first?.text   // "75%"
///
/// Every candidate covers whole tokens (`TextTokens`), so a blank or a swap
/// cannot fall inside a word.
public enum KeyTermFinder {
    /// The candidates of a fact, best first, none overlapping another.
    public static func candidates(of fact: Fact) -> [KeyTerm] {
        candidates(in: fact.text, tokens: TextTokens(fact.text.plainText))
    }

    public static func candidates(in text: InlineText, tokens: TextTokens) -> [KeyTerm] {
        candidates(in: text, tokens: tokens, definedTerm: definedTerm(in: tokens))
    }

    /// `candidates(in:tokens:)` and `definition(in:)` together, the defined
    /// term found once: a fact's analysis needs both.
    static func candidatesAndDefinition(in text: InlineText, tokens: TextTokens)
        -> (candidates: [KeyTerm], definition: (term: KeyTerm, definition: Range<Int>)?) {
        let term = definedTerm(in: tokens)
        return (candidates(in: text, tokens: tokens, definedTerm: term), definition(of: term, in: tokens))
    }

    private static func candidates(in text: InlineText, tokens: TextTokens, definedTerm definition: KeyTerm?) -> [KeyTerm] {
        guard !tokens.words.isEmpty else { return [] }
        var found: [KeyTerm] = []
        let wordSense = wordSenses(tokens)
        func add(_ terms: [KeyTerm]) {
            // Phrases may nest: "warehouses" stands in for "data warehouses" when the pair cannot be hidden.
            for term in terms where !found.contains(where: { $0.range.overlaps(term.range) && !($0.kind == .phrase && term.kind == .phrase) }) {
                guard coversLessThanTheFact(term, tokens: tokens, wordSense: wordSense), !isColumnHeader(term.range, tokens: tokens) else { continue }
                found.append(term)
            }
        }
        add(styledTerms(of: text, tokens: tokens, definedRange: definition?.range))
        if let definition { add([definition]) }
        add(numberTerms(in: tokens))
        add(nameTerms(in: tokens))
        add(cjkTerms(in: tokens))
        add(phraseTerms(in: tokens))
        return found
    }

    /// A table row reads "first cell — header: cell; header: cell": a
    /// header there is the table's scaffolding, never a term to learn.
    static func isColumnHeader(_ range: Range<Int>, tokens: TextTokens) -> Bool {
        let before = tokens.gap(from: max(0, range.lowerBound - 2), to: range.lowerBound)
        let after = tokens.gap(from: range.upperBound, to: min(tokens.units.count, range.upperBound + 1))
        if (before == "— " || before == "; ") && after == ":" { return true }
        return isInsideAColumnHeader(range, tokens: tokens)
    }

    /// Part of a header ("参考_____: research.google.com" → ページ, "; _____できるか:
    /// Yes" → キャッシュ): in a table row, the term follows "— " or "; " with
    /// no ":" between, and a ":" follows it before any "; ".
    static func isInsideAColumnHeader(_ range: Range<Int>, tokens: TextTokens) -> Bool {
        // (An em dash among the UTF-16 units first: most facts have none,
        // and searching the string for " — " for every candidate was a third
        // of a fact's analysis, 9 ms of a session's first question at
        // 100,000 facts.)
        guard tokens.units.contains(0x2014), tokens.text.contains(" — ") else { return false }
        let before = tokens.gap(from: 0, to: range.lowerBound)
        guard let opening = [before.ranges(of: "; ").last, before.ranges(of: " — ").last]
            .compactMap({ $0 }).max(by: { $0.upperBound < $1.upperBound }) else { return false }
        let head = before[opening.upperBound...]
        guard !head.contains(":"), !head.contains("：") else { return false }
        let after = tokens.gap(from: range.upperBound, to: tokens.units.count)
        guard let colon = after.firstIndex(where: { $0 == ":" || $0 == "：" }) else { return false }
        let rest = after[..<colon]
        return !rest.contains("; ") && !rest.contains(" — ")
    }

    /// The term of a "Term: definition" (or "Term - definition") bullet and
    /// where its definition starts, if the fact is one.
    public static func definition(in tokens: TextTokens) -> (term: KeyTerm, definition: Range<Int>)? {
        definition(of: definedTerm(in: tokens), in: tokens)
    }

    private static func definition(of term: KeyTerm?, in tokens: TextTokens) -> (term: KeyTerm, definition: Range<Int>)? {
        guard let term, let separator = separatorEnd(after: term.range.upperBound, in: tokens)
        else { return nil }
        var start = separator
        while start < tokens.units.count, tokens.units[start] == 0x20 { start += 1 }
        return (term, start..<tokens.units.count)
    }

    // MARK: - Candidates in order of preference

    private static func styledTerms(of text: InlineText, tokens: TextTokens, definedRange: Range<Int>?) -> [KeyTerm] {
        var result: [KeyTerm] = []
        guard text.containsSpan(styledAny: [.bold, .code]) else { return result }
        var offset = 0
        for span in text.spans {
            let length = span.text.utf16.count
            defer { offset += length }
            guard span.style.contains(.bold) || span.style.contains(.code), !span.style.contains(.link) else { continue }
            guard let range = trimmedWordRange(offset..<(offset + length), tokens: tokens) else { continue }
            let words = tokens.words.filter { range.contains($0.range.lowerBound) }
            guard (1...6).contains(words.count), range.count <= 60 else { continue }
            let string = tokens.string(range)
            guard !isFunctionWord(string) else { continue }
            if let number = numberTerm(startingAt: words[0], tokens: tokens), number.range == range {
                result.append(number)
                continue
            }
            // "**5x faster**", "**15 read replicas**": the number in it is the term.
            if words[0].kind == .number || string.first?.isNumber == true { continue }
            // "**User** enters …": one plain word opening the sentence is its
            // subject, not a term, unless the sentence defines it ("**Recall** is …").
            if range.lowerBound == 0, words.count == 1, range != definedRange, !hasInnerCapital(string),
               !(string.count >= 2 && string.allSatisfy { $0.isUppercase || $0.isNumber }),
               !definesTerm(after: range, tokens: tokens) { continue }
            result.append(KeyTerm(text: string, kind: .term, range: range, wordCount: words.count,
                                  isCJK: words.contains { $0.kind.isCJK }, isDefinedTerm: range == definedRange,
                                  isListItem: isListItem(range, tokens: tokens)))
        }
        return result
    }

    /// "RCU: …", "**Transfer Learning:** …", "Pipe mode - streams …", "术语：…".
    private static func definedTerm(in tokens: TextTokens) -> KeyTerm? {
        guard let firstWord = tokens.words.first else { return nil }
        // The separator must follow within six words and leave a definition of three or more.
        var wordsBefore = 0
        for (index, segment) in tokens.segments.enumerated() where segment.range.lowerBound >= firstWord.range.lowerBound {
            if segment.kind.isWord {
                wordsBefore += 1
                if wordsBefore > 6 { return nil }
                continue
            }
            guard isDefinitionSeparator(segmentAt: index, tokens: tokens) else { continue }
            guard let range = trimmedWordRange(firstWord.range.lowerBound..<segment.range.lowerBound, tokens: tokens),
                  range.count <= 60 else { return nil }
            let after = tokens.words.filter { $0.range.lowerBound >= segment.range.upperBound }
            // Two content words define too ("Neptune: graph database"), two of grammar do not.
            let contentAfter = after.filter { !WordLists.functionWords.contains(tokens.string($0.range).lowercased()) }
            guard after.count >= 3 || contentAfter.count >= 2 || (after.contains { $0.kind.isCJK } && after.count >= 2) else { return nil }
            let words = tokens.words.filter { range.contains($0.range.lowerBound) }
            // A number alone ("1: …", a row number) is scaffolding, not a term.
            guard words.contains(where: { $0.kind != .number }) else { return nil }
            let string = tokens.string(range)
            guard !isFunctionWord(string), !WordLists.commonVerbs.contains(string.lowercased()),
                  !WordLists.genericTitles.contains(string.lowercased()), !genericLabels.contains(string.lowercased())
            else { return nil }
            // "using Kinesis: …": the verb is not part of the term.
            if let first = words.first, tokens.string(first.range).hasSuffix("ing"),
               tokens.string(first.range).first?.isLowercase == true { return nil }
            return KeyTerm(text: string, kind: .term, range: range, wordCount: words.count,
                           isCJK: words.contains { $0.kind.isCJK }, isDefinedTerm: true)
        }
        return nil
    }

    private static func isDefinitionSeparator(segmentAt index: Int, tokens: TextTokens) -> Bool {
        // Every separator holds a colon or a dash; most segments asked about
        // are the spaces between a fact's first words (a string made of
        // each, and each dash trimmed again, was a tenth of an analysis).
        guard tokens.units[tokens.segments[index].range].contains(where: { separatorUnits.contains($0) }) else { return false }
        let text = tokens.string(tokens.segments[index].range)
        if text.hasPrefix("：") { return true }
        if text.hasPrefix(":") {
            // Not "std::cell", "Add :block" or "name:version", nor inside
            // "(default: warn)": a label's colon follows it and is followed by a space.
            let segments = tokens.segments
            if text.hasPrefix("::") { return false }
            if index > 0, tokens.string(segments[index - 1].range).last?.isWhitespace == true { return false }
            if text == ":", index + 1 < segments.count, tokens.string(segments[index + 1].range).first?.isWhitespace != true { return false }
            let before = tokens.gap(from: 0, to: segments[index].range.lowerBound)
            return before.filter { $0 == "(" }.count <= before.filter { $0 == ")" }.count
        }
        // A dash counts only with spaces round it: "Pipe mode - streams", not "low-cost".
        for (dash, bare) in spacedDashes where text.hasPrefix(dash) || text == bare && isSpaced(index, tokens) {
            return true
        }
        return false
    }

    /// ":", "：", "-", "–", "—" as UTF-16 units.
    private static let separatorUnits: Set<UInt16> = [0x3A, 0xFF1A, 0x2D, 0x2013, 0x2014]
    /// The dashes that separate a term from its definition, with spaces
    /// round them and bare.
    private static let spacedDashes = [" - ", " – ", " — ", " -- "].map { ($0, $0.trimmedSpaces()) }

    private static func isSpaced(_ index: Int, _ tokens: TextTokens) -> Bool {
        let segments = tokens.segments
        guard index > 0, index + 1 < segments.count else { return false }
        return tokens.string(segments[index - 1].range) == " " && tokens.string(segments[index + 1].range) == " "
    }

    private static func separatorEnd(after offset: Int, in tokens: TextTokens) -> Int? {
        for (index, segment) in tokens.segments.enumerated() where segment.range.lowerBound >= offset {
            if segment.kind.isWord { return nil }
            if isDefinitionSeparator(segmentAt: index, tokens: tokens) { return segment.range.upperBound }
        }
        return nil
    }

    private static func numberTerms(in tokens: TextTokens) -> [KeyTerm] {
        tokens.words.compactMap { numberTerm(startingAt: $0, tokens: tokens) }
    }

    /// A whole number with its unit: "75%", "16 TB", "150TB", "$0.10", "10 minutes", "2019".
    static func numberTerm(startingAt word: TextTokens.Token, tokens: TextTokens) -> KeyTerm? {
        let text = tokens.string(word.range)
        guard let first = text.unicodeScalars.first, ("0"..."9").contains(first) else { return nil }
        let before = previousSegment(before: word.range.lowerBound, tokens: tokens)
        // Part of a bigger token: "ml.m5", "2/3", "v2", "p3-2xlarge", the "1" of a "10:1" ratio.
        if let before, [".", "/", "-", "_", "v", "V", "#", ":"].contains(before) { return nil }
        var unit: String?
        var end = word.range.upperBound
        let digits = text.prefix { $0.isNumber || $0 == "." || $0 == "," }
        let suffix = text.dropFirst(digits.count)
        // The unit as written (lowercased): "10s" and "10秒" are not options of one question.
        if !suffix.isEmpty {
            guard WordLists.units[suffix.lowercased()] != nil else { return nil }
            unit = suffix.lowercased()
            if let after = segment(startingAt: end, tokens: tokens), tokens.string(after.range) == "/" { return nil }
        } else if let next = segment(startingAt: end, tokens: tokens) {
            let nextText = tokens.string(next.range)
            if nextText == "%" || nextText == "％" {
                unit = "%"
                end = next.range.upperBound
            } else if next.kind.isCJK, WordLists.units[nextText] != nil {
                unit = nextText
                end = next.range.upperBound
            } else if nextText == " ", let word = segment(startingAt: next.range.upperBound, tokens: tokens), word.kind == .letter,
                      WordLists.units[tokens.string(word.range).lowercased()] != nil {
                unit = tokens.string(word.range).lowercased()
                end = word.range.upperBound
                // "30 MB/s": the unit goes on past where a blank would end.
                if let after = segment(startingAt: end, tokens: tokens), tokens.string(after.range) == "/" { return nil }
            } else if [".", "/", "-", "_", "x", ":"].contains(nextText),
                      let after = segment(startingAt: next.range.upperBound, tokens: tokens), after.kind.isWord {
                return nil // "2.x", "1/2", "3-4", "24:00"
            } else if nextText.first.map({ $0.isNumber || $0.isLetter }) == true {
                return nil // "2²⁹": run into more of a number or a word
            }
        }
        // "15%-20%", "10–20 ms": one end of a range.
        if let after = segment(startingAt: end, tokens: tokens), ["-", "–", "~"].contains(tokens.string(after.range)),
           let other = segment(startingAt: after.range.upperBound, tokens: tokens), other.kind == .number {
            return nil
        }
        // "1.2.3": a version, not a quantity.
        if text.filter({ $0 == "." }).count >= 2 { return nil }
        if before == "$" {
            unit = "usd"
        }
        // "SAML 2.0", "Python 3": a version, part of the name before it.
        if unit == nil, before == " ", let name = tokens.words.last(where: { $0.range.upperBound < word.range.lowerBound }),
           tokens.string(name.range).first?.isUppercase == true {
            return nil
        }
        if unit == nil {
            let value = Int(digits) ?? 0
            unit = digits.count == 4 && (1900...2099).contains(value) ? "year" : ""
            // A bare count opening the fact is a row or step number: scaffolding.
            if unit == "" && word.range.lowerBound == 0 { return nil }
        }
        let start = before == "$" ? word.range.lowerBound - 1 : word.range.lowerBound
        let range = start..<end
        return KeyTerm(text: tokens.string(range), kind: .number, range: range, unit: unit, wordCount: 1,
                       isListItem: isListItem(range, tokens: tokens))
    }

    private static let vendorPrefixes: Set<String> = [
        "amazon", "aws", "apache", "google", "microsoft", "azure", "oracle", "ibm", "red", "elastic", "nvidia",
    ]

    private static func nameTerms(in tokens: TextTokens) -> [KeyTerm] {
        let words = tokens.words
        var result: [KeyTerm] = []
        var index = 0
        while index < words.count {
            guard isNameToken(words[index], tokens: tokens) else { index += 1; continue }
            var first = index
            if startsSentence(index, tokens: tokens) {
                let word = tokens.string(words[index].range)
                let joinsNext = index + 1 < words.count && isNameToken(words[index + 1], tokens: tokens)
                    && singleSpace(between: words[index], and: words[index + 1], tokens: tokens)
                let strong = hasInnerCapital(word) || vendorPrefixes.contains(word.lowercased())
                if !strong {
                    // "Supports TensorFlow": a capital opening the sentence is not a name.
                    if joinsNext { first = index + 1 } else { index += 1; continue }
                } else if !joinsNext && !hasInnerCapital(word) {
                    index += 1; continue
                }
            }
            var last = first
            while last + 1 < words.count, isNameToken(words[last + 1], tokens: tokens),
                  singleSpace(between: words[last], and: words[last + 1], tokens: tokens) {
                last += 1
            }
            // One plain capitalised word ("File input mode", "Redshift has") may
            // be a common word: a name needs an inner capital, a digit, all
            // capitals or a second word.
            if first == last && !hasInnerCapital(tokens.string(words[first].range)) {
                index = last + 1
                continue
            }
            let range = words[first].range.lowerBound..<words[last].range.upperBound
            // "AWS", "Amazon" alone: the vendor, not something to learn.
            if first == last, vendorPrefixes.contains(tokens.string(range).lowercased()) {
                index = last + 1
                continue
            }
            result.append(KeyTerm(text: tokens.string(range), kind: .name, range: range, wordCount: last - first + 1,
                                  isListItem: isListItem(range, tokens: tokens)))
            index = last + 1
        }
        return result
    }

    private static func isNameToken(_ token: TextTokens.Token, tokens: TextTokens) -> Bool {
        // Most words open with a lowercase ASCII letter: no name, known from
        // the first unit before any string is made.
        let opening = tokens.units[token.range.lowerBound]
        if opening < 0x80 && !(0x41...0x5A).contains(opening) { return false }
        guard token.kind == .letter, !isHyphenJoined(token, tokens: tokens) else { return false }
        let word = tokens.string(token.range)
        // "BCD", "ABCD": placeholder letters of an example ("systems A, B, C"), nothing to learn.
        if word.allSatisfy({ "ABCDEF".contains($0) }) { return false }
        guard word.count >= 2, let first = word.first, first.isUppercase else { return false }
        if first.isASCII == false && !first.isLetter { return false }
        let lower = word.lowercased()
        return !WordLists.functionWords.contains(lower)
    }

    /// Chinese and Japanese content words: katakana loanwords (トレーニング) and
    /// single words of three or more characters; never a function or vague
    /// word, and never a two-character word (too often a verb or adverb: 看看, 一般).
    private static func cjkTerms(in tokens: TextTokens) -> [KeyTerm] {
        func isContent(_ word: TextTokens.Token) -> Bool {
            guard word.kind.isCJK else { return false }
            let text = tokens.string(word.range)
            return text.count >= 2 && !WordLists.cjkFunctionWords.contains(text) && !WordLists.cjkVagueWords.contains(text)
                && !text.unicodeScalars.allSatisfy { (0x3040...0x309F).contains($0.value) } // hiragana: grammar
        }
        var singles: [KeyTerm] = []
        let words = tokens.words
        // Single ICU words only: two joined could end inside a third ("导致|不可|用").
        for word in words where isContent(word) {
            let text = tokens.string(word.range)
            if text.count >= 3 {
                singles.append(KeyTerm(text: text, kind: .phrase, range: word.range, wordCount: 1, isCJK: true,
                                       isListItem: isListItem(word.range, tokens: tokens)))
            }
        }
        singles.sort { ($0.text.unicodeScalars.first.map { (0x30A0...0x30FF).contains($0.value) } ?? false ? 1 : 0, $0.text.count)
            > ($1.text.unicodeScalars.first.map { (0x30A0...0x30FF).contains($0.value) } ?? false ? 1 : 0, $1.text.count) }
        return singles
    }

    /// Content noun phrases: the last word of a run of content words (where
    /// a noun phrase ends), with the content word before it.
    private static func phraseTerms(in tokens: TextTokens) -> [KeyTerm] {
        let words = tokens.words
        var result: [KeyTerm] = []
        var runStart = 0
        for index in words.indices {
            let content = isContentWord(index, tokens: tokens)
            let continues = index + 1 < words.count && isContentWord(index + 1, tokens: tokens)
                && singleSpace(between: words[index], and: words[index + 1], tokens: tokens)
            if !content { runStart = index + 1; continue }
            if continues { continue }
            // words[index] ends a run of content words: the head of a noun phrase.
            let head = index
            let headText = tokens.string(words[head].range).lowercased()
            defer { runStart = index + 1 }
            guard head > 0, !WordLists.commonVerbs.contains(headText), !headText.hasSuffix("ed"), headText.count >= 4
            else { continue }
            // "by increasing the number", "an object describing what happened": an -ing word
            // taking an object or a clause is a verb.
            let next = head + 1 < words.count ? tokens.string(words[head + 1].range).lowercased() : ""
            let nextIsNear = head + 1 < words.count && singleSpace(between: words[head], and: words[head + 1], tokens: tokens)
            if headText.hasSuffix("ing"), head + 1 < words.count,
               verbObjectStarts.contains(next) || (nextIsNear && clauseStarts.contains(next)) { continue }
            // "a component threw an error": a word right before an article takes it as its object.
            if nextIsNear, ["a", "an", "the"].contains(next) { continue }
            // "configuring and managing resources": -ing verbs joined by "and".
            if headText.hasSuffix("ing"), head + 2 < words.count,
               ["and", "or"].contains(tokens.string(words[head + 1].range).lowercased()),
               tokens.string(words[head + 2].range).lowercased().hasSuffix("ing") { continue }
            // "to combat": an infinitive.
            if head == runStart, head > 0, tokens.string(words[head - 1].range).lowercased() == "to" { continue }
            // "travel back (in time)": a verb and its particle, no noun phrase.
            if particles.contains(headText) { continue }
            // "no longer affects", "not only caches": half of a negated predicate.
            if runStart > 0, ["no", "not", "never"].contains(tokens.string(words[runStart - 1].range).lowercased()) { continue }
            // "affects the …": a word taking an object is a verb, whatever its ending.
            if head + 1 < words.count, headText.hasSuffix("s"),
               verbObjectStarts.contains(tokens.string(words[head + 1].range).lowercased()) { continue }
            // "so that they finish sooner": after "they", "we" or "it" the run is the verb and what follows it.
            // (As written: "IT" is no pronoun.)
            if runStart > 0, ["they", "we", "it", "he", "she", "They", "We", "It", "He", "She", "I"].contains(tokens.string(words[runStart - 1].range)),
               singleSpace(between: words[runStart - 1], and: words[runStart], tokens: tokens) { continue }
            var first = head
            if head - 1 >= max(runStart, 1) {
                let modifier = tokens.string(words[head - 1].range).lowercased()
                let beforeModifier = head - 2 >= 0 ? tokens.string(words[head - 2].range).lowercased() : ""
                let isVerb = WordLists.commonVerbs.contains(modifier) || (modifier.hasSuffix("s") && !modifier.hasSuffix("ss"))
                    || beforeModifier == "to"
                    || (modifier.hasSuffix("ing") && head - 1 == runStart && verbLeadIns.contains(beforeModifier))
                    || (modifier.hasSuffix("ing") && WordLists.looksLikeAdverb(beforeModifier))
                if !isVerb { first = head - 1 }
            }
            if first == head && (headText.count < 8 || vagueNouns.contains(headText)) { continue }
            // "… is impractical": a word after a copula is an adjective, not a term.
            if first == head, head > 0,
               ["is", "are", "was", "were", "be", "been", "being", "seems", "becomes", "remains"]
                .contains(tokens.string(words[head - 1].range).lowercased()) { continue }
            // "secure manner", "error message", "improved performance": the head says nothing.
            if first != head && vagueHeads.contains(headText) { continue }
            let range = words[first].range.lowerBound..<words[head].range.upperBound
            result.append(KeyTerm(text: tokens.string(range), kind: .phrase, range: range, wordCount: head - first + 1,
                                  isListItem: isListItem(range, tokens: tokens)))
            // The head alone, for when the pair cannot be hidden ("data" in the path above).
            if first != head, headText.count >= 8, !vagueNouns.contains(headText) {
                let headRange = words[head].range
                result.append(KeyTerm(text: tokens.string(headRange), kind: .phrase, range: headRange, wordCount: 1,
                                      isListItem: isListItem(headRange, tokens: tokens)))
            }
        }
        result.sort { ($0.wordCount, $0.text.count) > ($1.wordCount, $1.text.count) }
        return Array(result.prefix(6))
    }

    /// Words that end a verb ("travel back", "scale out") rather than a noun phrase.
    private static let particles: Set<String> = ["back", "up", "out", "off", "down", "away", "over", "through", "along", "forward", "around"]

    /// Heads that make a two-word phrase a filler ("secure manner").
    private static let vagueHeads: Set<String> = [
        "manner", "way", "ways", "environment", "message", "messages", "performance", "process", "approach",
        "configuration", "service", "services", "application", "applications", "system", "systems", "data",
        "information", "solution", "solutions", "resources", "tasks", "features", "options", "things", "purposes",
        "results", "level", "levels", "type", "types", "part", "parts", "aspects", "issues", "needs", "use", "usage",
        "time", "cost", "costs", "work", "value", "values", "setup", "support", "example", "examples", "case", "cases",
        "capability", "capabilities", "functionality", "mechanism", "mechanisms",
    ]

    /// Labels of a table's or list's own shape, not terms ("Definition: …").
    private static let genericLabels: Set<String> = [
        "definition", "description", "usage", "use", "example", "examples", "note", "notes", "answer", "question",
        "explanation", "details", "info", "information", "summary", "result", "output", "input", "value", "type",
    ]

    /// Nouns too general to be worth a blank on their own ("the _____ of layers").
    private static let vagueNouns: Set<String> = [
        "creation", "application", "applications", "information", "approach", "approaches", "processing",
        "purposes", "features", "function", "functions", "solution", "solutions", "services", "resources",
        "practice", "practices", "scenario", "scenarios", "situation", "requirement", "requirements", "multiple",
        "additional", "different", "something", "anything", "everything", "question", "questions", "answers",
        "problem", "problems", "instance", "instances", "management", "operation", "operations", "customers",
        "customer", "business", "category", "categories", "component", "components", "specific", "important",
        "available", "possible", "necessary", "following", "generally", "including",
        "capability", "capabilities", "functionality", "functionalities", "mechanism", "mechanisms",
    ]

    /// Words that open a clause a verb takes ("describing what happened").
    private static let clauseStarts: Set<String> = ["what", "how", "whether", "where", "who"]

    /// Words after which a word is a verb: subjects, auxiliaries, modals,
    /// "to" ("they finish sooner", "you can build indexes").
    private static let verbOpeners: Set<String> = [
        "i", "you", "he", "she", "it", "we", "they", "can", "cannot", "could", "may", "might", "must", "shall",
        "should", "will", "would", "do", "does", "did", "don't", "doesn't", "didn't", "to",
    ]

    /// Words that may follow a phrase that stands whole: grammar that is not
    /// the start of an object (a verb's), and the prepositions and
    /// conjunctions `WordLists.grammarWords` leaves out.
    private static let phraseEnders: Set<String> = WordLists.grammarWords
        .union(["without", "within", "between", "through", "across", "after", "before", "during", "because", "while",
                "like", "unless", "until", "since", "rather", "using", "isn't", "aren't", "don't", "doesn't", "can't"])
        .subtracting(["the", "a", "an", "its", "their", "your", "our", "his", "what", "how"])

    /// Whether a phrase of plain words stands whole where it is written, so
    /// that shown alone (as an option) it still reads as a term: it does not
    /// follow a subject, a modal, an adverb, a plural or a compound's first
    /// half ("they finish sooner", "finally implement unwinding", "files name
    /// correspond", "ultra-low latency networking"), and what follows it is a stop or
    /// grammar, not a word that goes on with it ("impressive static | type
    /// checks") nor the object of a verb ("component threw | an error").
    static func standsWhole(_ range: Range<Int>, tokens: TextTokens) -> Bool {
        let words = tokens.words
        guard let first = words.firstIndex(where: { $0.range.lowerBound == range.lowerBound }),
              let last = words.lastIndex(where: { $0.range.upperBound == range.upperBound }) else { return false }
        if first > 0, singleSpace(between: words[first - 1], and: words[first], tokens: tokens) {
            let before = tokens.string(words[first - 1].range).lowercased()
            if verbOpeners.contains(before) || isHyphenJoined(words[first - 1], tokens: tokens) { return false }
            // "finally implement unwinding", "very impressive static": an adverb goes with a verb or an adjective.
            if WordLists.looksLikeAdverb(before) || ["very", "too", "quite", "so", "more", "most", "less"].contains(before) { return false }
            // "files name correspond": after a plural (or a verb in -s) the run's first word is a verb, or the
            // phrase is the tail of a longer one.
            if isContentWord(first - 1, tokens: tokens), before.hasSuffix("s"), !before.hasSuffix("ss") { return false }
        }
        if last + 1 < words.count, singleSpace(between: words[last], and: words[last + 1], tokens: tokens) {
            let after = tokens.string(words[last + 1].range)
            return words[last + 1].kind == .letter && phraseEnders.contains(after.lowercased())
        }
        return true
    }

    /// Words that start the object of a verb ("increasing the number").
    private static let verbObjectStarts: Set<String> = [
        "the", "a", "an", "this", "that", "these", "those", "its", "their", "your", "our", "his", "her", "it", "them",
    ]

    /// Words after which an -ing word is a verb ("by increasing layers",
    /// "while causing overfitting"); elsewhere it is a noun ("streaming data").
    private static let verbLeadIns: Set<String> = [
        "by", "while", "when", "after", "before", "without", "is", "are", "was", "were", "be", "been", "for", "of",
        "from", "potentially", "also", "then", "and", "or",
    ]

    private static func isContentWord(_ index: Int, tokens: TextTokens) -> Bool {
        let token = tokens.words[index]
        guard token.kind == .letter else { return false }
        // ASCII by its units ("a"…"z" only): asking each `Character` of
        // every word whether it is lowercase was a fifth of an analysis.
        let units = tokens.units[token.range]
        if units.allSatisfy({ $0 < 0x80 }) {
            guard units.count >= 3, units.allSatisfy({ (0x61...0x7A).contains($0) }) else { return false }
        }
        let word = tokens.string(token.range)
        if !units.allSatisfy({ $0 < 0x80 }) {
            guard word.count >= 3, word.allSatisfy({ $0.isLowercase }) else { return false }
        }
        // Joined to its neighbours ("low-cost", "source/destination"): part of a bigger word.
        if let before = previousSegment(before: token.range.lowerBound, tokens: tokens), ["-", "/", "_", "."].contains(before) {
            return false
        }
        if let after = segment(startingAt: token.range.upperBound, tokens: tokens),
           ["-", "/", "_"].contains(tokens.string(after.range)) {
            return false
        }
        return !WordLists.functionWords.contains(word) && !WordLists.looksLikeAdverb(word)
    }

    // MARK: - Token helpers

    /// "GPU-powered", "Multi-AZ": a token joined by a hyphen to a word is
    /// part of that word, and a blank on it alone would fall inside it.
    static func isHyphenJoined(_ token: TextTokens.Token, tokens: TextTokens) -> Bool {
        let units = tokens.units
        let start = token.range.lowerBound, end = token.range.upperBound
        let hyphen: UInt16 = 0x2D
        if start >= 2, units[start - 1] == hyphen, isWordUnit(units[start - 2]) { return true }
        if end + 1 < units.count, units[end] == hyphen, isWordUnit(units[end + 1]) { return true }
        return false
    }

    private static func isWordUnit(_ unit: UInt16) -> Bool {
        guard let scalar = Unicode.Scalar(unit) else { return false }
        return scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
    }

    /// `range` shrunk to its first and last word (no spaces, colons or end punctuation).
    static func trimmedWordRange(_ range: Range<Int>, tokens: TextTokens) -> Range<Int>? {
        let inside = tokens.words.filter { $0.range.lowerBound >= range.lowerBound && $0.range.upperBound <= range.upperBound }
        guard let first = inside.first, let last = inside.last else { return nil }
        var end = last.range.upperBound
        // Keep a closing bracket or a percent sign that belongs to the term: "Random Cut Forest (RCF)", "75%".
        while end < range.upperBound, let next = segment(startingAt: end, tokens: tokens),
              [")", "%", "+", "#"].contains(tokens.string(next.range)) {
            end = next.range.upperBound
        }
        return first.range.lowerBound..<end
    }

    static func segment(startingAt offset: Int, tokens: TextTokens) -> TextTokens.Token? {
        var low = 0, high = tokens.segments.count
        while low < high {
            let middle = (low + high) / 2
            if tokens.segments[middle].range.lowerBound < offset { low = middle + 1 } else { high = middle }
        }
        return low < tokens.segments.count && tokens.segments[low].range.lowerBound == offset ? tokens.segments[low] : nil
    }

    static func previousSegment(before offset: Int, tokens: TextTokens) -> String? {
        var low = 0, high = tokens.segments.count
        while low < high {
            let middle = (low + high) / 2
            if tokens.segments[middle].range.upperBound < offset { low = middle + 1 } else { high = middle }
        }
        guard low < tokens.segments.count, tokens.segments[low].range.upperBound == offset else { return nil }
        return tokens.string(tokens.segments[low].range)
    }

    private static func singleSpace(between left: TextTokens.Token, and right: TextTokens.Token, tokens: TextTokens) -> Bool {
        right.range.lowerBound == left.range.upperBound + 1 && tokens.units[left.range.upperBound] == 0x20
    }

    /// The first word of the fact, or the first after ". ", "? ", "! ", ": ".
    private static func startsSentence(_ index: Int, tokens: TextTokens) -> Bool {
        guard index > 0 else { return true }
        let gap = tokens.gap(from: tokens.words[index - 1].range.upperBound, to: tokens.words[index].range.lowerBound)
        return gap.contains { ".!?:;•([\"“".contains($0) } || gap.contains("- ")
    }

    /// Whether the words after `range` define it: "is", "are", "means",
    /// "refers to", "stands for", or "=".
    static func definesTerm(after range: Range<Int>, tokens: TextTokens) -> Bool {
        let gap = tokens.gap(from: range.upperBound, to: min(tokens.units.count, range.upperBound + 3))
        if gap.contains("=") { return true }
        guard let next = tokens.words.first(where: { $0.range.lowerBound >= range.upperBound }) else { return false }
        return ["is", "are", "means", "refers", "stands", "denotes"].contains(tokens.string(next.range).lowercased())
    }

    /// "SageMaker", "S3", "EMR", "Object2Vec": a name whatever stands round it.
    static func hasInnerCapital(_ word: String) -> Bool {
        word.dropFirst().contains { $0.isUppercase || $0.isNumber }
    }

    private static func isFunctionWord(_ text: String) -> Bool {
        WordLists.functionWords.contains(text.lowercased())
    }

    /// Whether the term stands in a list written out in the sentence: a comma
    /// or slash right before or after it, or "and"/"or" before it after a comma.
    static func isListItem(_ range: Range<Int>, tokens: TextTokens) -> Bool {
        let before = tokens.gap(from: max(0, range.lowerBound - 2), to: range.lowerBound)
        let after = tokens.gap(from: range.upperBound, to: min(tokens.units.count, range.upperBound + 2))
        if before.contains("/") || after.hasPrefix("/") || after.hasPrefix(" /") { return true }
        // "X, and its application": one comma joins clauses; a list has two.
        let commas = tokens.units.lazy.filter { $0 == 0x2C || $0 == 0x3001 || $0 == 0xFF0C }.count
        guard commas >= 2 || tokens.units.contains(0x3001) else { return false }
        if before.contains(",") || before.contains("、") || before.contains("，") || after.hasPrefix(",")
            || after.hasPrefix("、") || after.hasPrefix("，") { return true }
        let preceding = tokens.words.last { $0.range.upperBound <= range.lowerBound }
        if let preceding, ["and", "or", "&"].contains(tokens.string(preceding.range).lowercased()) {
            let earlier = tokens.gap(from: max(0, preceding.range.lowerBound - 2), to: preceding.range.lowerBound)
            return earlier.contains(",")
        }
        return after.hasPrefix(" and") || after.hasPrefix(" or")
            ? tokens.gap(from: range.upperBound, to: min(tokens.units.count, range.upperBound + 40)).contains(",") : false
    }

    /// A term that leaves at least two content words of the fact visible.
    private static func coversLessThanTheFact(_ term: KeyTerm, tokens: TextTokens, wordSense: [WordSense]) -> Bool {
        var rest = 0, content = 0, shortCJK = 0
        for (index, word) in tokens.words.enumerated() where !term.range.contains(word.range.lowerBound) {
            rest += 1
            switch wordSense[index] {
            case .content: content += 1
            case .shortCJK: shortCJK += 1
            case .grammar: break
            }
        }
        // A one-character CJK word counts when four or more words are left.
        if rest >= 4 { content += shortCJK }
        return content >= 2 && term.range.count * 10 <= tokens.units.count * 6
    }

    /// What a word of the fact tells `coversLessThanTheFact`, judged once
    /// per fact rather than once per candidate: a content word, a word of
    /// grammar, or a CJK word of one character (content only in a longer
    /// rest).
    enum WordSense { case content, grammar, shortCJK }

    static func wordSenses(_ tokens: TextTokens) -> [WordSense] {
        tokens.words.map { word in
            let text = tokens.string(word.range)
            if word.kind.isCJK { return text.count >= 2 ? .content : .shortCJK }
            return WordLists.functionWords.contains(text.lowercased()) ? .grammar : .content
        }
    }
}
