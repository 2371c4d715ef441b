/// The false version of a fact that states one negation: the negation
/// taken away ("is incorrect" → "is correct", "is not possible" → "is
/// possible"), or for a few plain verdicts added ("is correct" → "is
/// incorrect"). Only when the fact holds exactly one negation: flipping one
/// of two ("No, CloudFormation does not support …") leaves it true.
enum Negation {
    /// Negative forms and what each becomes without its negation.
    static let pairs: [(negative: String, positive: String)] = [
        ("is incorrect", "is correct"), ("are incorrect", "are correct"), ("is not possible", "is possible"),
        ("is impossible", "is possible"), ("is unsuitable", "is suitable"), ("are unsuitable", "are suitable"),
        ("is impractical", "is practical"), ("is not available", "is available"),
        ("are not available", "are available"), ("is not supported", "is supported"),
        ("are not supported", "are supported"), ("is not recommended", "is recommended"),
        ("is not required", "is required"), ("does not support", "supports"), ("doesn't support", "supports"),
        ("does not require", "requires"), ("doesn't require", "requires"), ("cannot be", "can be"),
        ("can't be", "can be"), ("can’t be", "can be"), ("cannot", "can"), ("can't", "can"), ("can’t", "can"),
        ("is not", "is"), ("isn't", "is"), ("are not", "are"), ("aren't", "are"),
        ("has no", "has"), ("not available", "available"), ("not supported", "supported"),
        ("不支持", "支持"), ("不能", "能"), ("不是", "是"), ("不需要", "需要"), ("无法", "可以"),
    ]

    /// Verdicts a fact may state positively, and their negation.
    static let positives: [(positive: String, negative: String)] = [
        ("is correct", "is incorrect"), ("is possible", "is not possible"), ("is suitable", "is unsuitable"),
        ("is recommended", "is not recommended"), ("is supported", "is not supported"),
    ]

    /// Words that negate; a fact with more than one is left alone.
    static let markers: Set<String> = [
        "not", "no", "never", "cannot", "can't", "isn't", "aren't", "doesn't", "don't", "didn't", "won't",
        "wasn't", "weren't", "hasn't", "haven't", "shouldn't", "couldn't", "wouldn't", "without", "none", "nor",
        "neither", "nothing", "incorrect", "impossible", "unsuitable", "impractical", "unable", "unavailable",
        "unsupported", "不", "没", "没有", "无", "无法", "非", "未", "ない", "ません",
        // Written with a curly apostrophe ("can’t"), as notes often are.
        "can’t", "isn’t", "aren’t", "doesn’t", "don’t", "didn’t", "won’t", "wasn’t", "weren’t", "hasn’t", "haven’t",
        "shouldn’t", "couldn’t", "wouldn’t",
    ]

    /// "does not expire" → "expires", "do not need" → "need", "doesn’t
    /// need" → "needs": the one negation of a plain verb taken away.
    static func doesNotVerb(_ tokens: TextTokens) -> String? {
        let words = tokens.words
        for (index, word) in words.enumerated() where index + 1 < words.count {
            var first = tokens.string(word.range).lowercased()
            // "doesn’t need", "don't need": the contraction is one word; the verb must follow it right away.
            let contracted = ["doesn't", "doesn’t", "don't", "don’t"].contains(first)
            // (Or in quotes: "doesn’t “scale”" → "“scales”", the quotes kept.)
            var quote = ""
            if contracted {
                let gap = tokens.gap(from: word.range.upperBound, to: words[index + 1].range.lowerBound)
                guard gap == " " || [" “", " \"", " ‘", " '"].contains(gap) else { continue }
                quote = String(gap.dropFirst())
                first = String(first.prefix(first.hasPrefix("does") ? 4 : 2))
            } else {
                guard index + 2 < words.count, first == "does" || first == "do",
                      tokens.string(words[index + 1].range).lowercased() == "not" else { continue }
            }
            let verbIndex = contracted ? index + 1 : index + 2
            let verb = tokens.string(words[verbIndex].range)
            guard verb.allSatisfy({ $0.isLowercase }), verb.count >= 3, !WordLists.functionWords.contains(verb) else { return nil }
            let replacement = first == "do" ? verb
                : verb.hasSuffix("s") || verb.hasSuffix("sh") || verb.hasSuffix("ch") || verb.hasSuffix("x") ? verb + "es"
                : verb.hasSuffix("y") && !"aeiou".contains(verb.dropLast().last ?? "a") ? verb.dropLast() + "ies" : verb + "s"
            let range = word.range.lowerBound..<words[verbIndex].range.upperBound
            return TextEdits.replacing([range], in: tokens, with: quote + matchingCase(replacement, tokens.string(word.range)))
        }
        return nil
    }

    /// Auxiliaries a positive statement may be negated at, and their negation.
    static let auxiliaries: [String: String] = [
        "is": "is not", "are": "are not", "was": "was not", "were": "were not", "can": "cannot",
        "will": "will not", "should": "should not", "must": "must not",
    ]

    /// Words that make a statement hedged or conditional: its negation may
    /// be true as well ("X is often slow" and "X is not often slow"), or the
    /// auxiliary sits in a condition ("If the url is unique, …").
    static let hedges: Set<String> = [
        "may", "might", "could", "would", "some", "often", "usually", "sometimes", "generally", "typically",
        "mostly", "many", "most", "several", "also", "only", "just", "still", "even", "either", "neither",
        "if", "when", "whenever", "unless", "whether", "until", "although", "though", "while", "once",
        "more", "less", "about", "around", "approximately", "roughly", "nearly", "almost", "perhaps",
        "probably", "likely", "possibly", "every", "all", "any", "each", "both", "than",
    ]

    /// "Messages are deleted after they’re read" → "Messages are not deleted
    /// after they’re read": a positive statement with exactly one auxiliary,
    /// not first (no question), followed by a word, with no hedge anywhere,
    /// negated there. A statement and its negation cannot both hold, so the
    /// result is surely false where the notes are true. ASCII words only.
    static func inserted(_ tokens: TextTokens) -> String? {
        guard negations(in: tokens) == 0, !tokens.text.containsBytes("?") else { return nil }
        let words = tokens.words.map { tokens.string($0.range) }
        guard words.count >= 4, !words.contains(where: { hedges.contains($0.lowercased()) }) else { return nil }
        let found = words.indices.filter { auxiliaries[words[$0]] != nil }
        guard found.count == 1, let at = found.first, at > 0, at + 1 < words.count,
              !words.contains(where: { auxiliaries[$0.lowercased()] != nil && auxiliaries[$0] == nil }) else { return nil }
        let next = words[at + 1].lowercased()
        // "are now written" → "are not now written": "not" goes after a time adverb, which reads badly; none is made.
        // An adverb of manner reads well after "not" ("MD5 is not uniformly distributed", "is not
        // automatically replicated"); one of frequency or degree does not ("is not rarely used").
        guard !(WordLists.looksLikeAdverb(next) && Self.gradingAdverbs.contains(next)), !Self.timeAdverbs.contains(next),
              next.unicodeScalars.allSatisfy(\.isASCII),
              words[at - 1].unicodeScalars.allSatisfy(\.isASCII) else { return nil }
        return TextEdits.replacing([tokens.words[at].range], in: tokens, with: auxiliaries[words[at]]!)
    }

    /// Adverbs in "-ly" of frequency, degree or certainty: negated, the
    /// statement may still hold, or reads as a riddle ("is not rarely used",
    /// "is not nearly full", "is not really needed").
    static let gradingAdverbs: Set<String> = [
        "rarely", "seldom", "hardly", "barely", "scarcely", "nearly", "partly", "partially", "really", "truly",
        "largely", "mainly", "mostly", "primarily", "usually", "generally", "typically", "normally", "frequently",
        "occasionally", "likely", "possibly", "probably", "certainly", "definitely", "necessarily", "only",
        "merely", "simply", "slightly", "fairly", "relatively", "reasonably", "extremely", "very", "highly",
        "greatly", "significantly", "considerably", "especially", "particularly", "completely", "entirely", "fully",
        "totally", "virtually", "practically", "essentially", "basically", "initially", "eventually", "finally",
        "currently", "recently", "previously", "newly", "early", "already", "immediately", "instantly", "quickly",
        "easily", "rapidly", "slowly", "briefly", "temporarily", "permanently", "increasingly",
    ]

    /// Adverbs without "-ly" that stand between an auxiliary and its verb.
    static let timeAdverbs: Set<String> = [
        "now", "also", "still", "already", "just", "always", "often", "then", "even", "only", "usually", "generally",
        "typically", "currently", "sometimes", "soon", "again", "once", "rarely", "mostly",
    ]

    /// "Cannot be" → "Can be": the replacement starts in the case the text did.
    static func matchingCase(_ replacement: String, _ original: String) -> String {
        guard original.first?.isUppercase == true, let first = replacement.first else { return replacement }
        return first.uppercased() + replacement.dropFirst()
    }

    /// How many negating words the text holds.
    static func negations(in tokens: TextTokens) -> Int {
        let words = tokens.words.map { tokens.string($0.range).lowercased() }
        return words.filter { markers.contains($0) || (!$0.unicodeScalars.allSatisfy(\.isASCII) && $0.hasPrefix("不")) }.count
    }

    static func isNegative(_ tokens: TextTokens) -> Bool { negations(in: tokens) > 0 }

    static func flipped(_ tokens: TextTokens) -> String? {
        let count = negations(in: tokens)
        let text = tokens.text
        if count == 1 {
            for (negative, positive) in pairs {
                let ranges = TextEdits.occurrences(of: negative, in: tokens)
                if ranges.count == 1 { return TextEdits.replacing(ranges, in: tokens, with: matchingCase(positive, tokens.string(ranges[0]))) }
            }
            return doesNotVerb(tokens)
        }
        guard count == 0, !text.containsBytes("?") else { return nil }
        for (positive, negative) in positives {
            let ranges = TextEdits.occurrences(of: positive, in: tokens)
            if ranges.count == 1 { return TextEdits.replacing(ranges, in: tokens, with: matchingCase(negative, tokens.string(ranges[0]))) }
        }
        return nil
    }
}
