import DeckKit
import StudyCore

/// The mechanical checks a generated question must pass, written apart
/// from the generator (its own word lists, its own word splitting) so that
/// one cannot hide the other's mistakes. Each finding names the rule it
/// breaks; an empty list means well formed.
///
///     let findings = QuestionAudit(deckTexts: allFactTexts).findings(for: question)
public struct QuestionAudit {
    /// Every word (lowercased) of every fact and title of the decks: a swap
    /// must bring in words the notes use, not pieces of words.
    private let vocabulary: Set<String>
    /// For each fact, the paragraphs of its topic that end in a colon
    /// ("Reasons for SQL:"), without the colon: a true statement may be the
    /// fact said after the lead-in of its list.
    private let leadIns: [FactID: [String]]
    /// The runs of two to four lowercase words the notes write somewhere as
    /// a phrase standing whole (`wholePhrases(in:)`): a distractor of plain
    /// words, shown alone, must be one, or it is a broken piece of a sentence.
    private let phrases: Set<String>
    /// Bold and code spans: terms the notes mark as such, whatever their words.
    private let marked: Set<String>

    public init(decks: [Deck]) {
        var words: Set<String> = []
        var leadIns: [FactID: [String]] = [:]
        var phrases: Set<String> = [], marked: Set<String> = []
        func read(_ text: String) { phrases.formUnion(Self.wholePhrases(in: text)) }
        for deck in decks {
            deck.root.forEachNode { node in
                for word in Self.words(node.title.plainText) { words.insert(word.lowercased()) }
                read(node.title.plainText)
                for fact in node.facts {
                    for word in Self.words(fact.text.plainText) { words.insert(word.lowercased()) }
                    read(fact.text.plainText)
                    for span in fact.text.spans where span.style.contains(.bold) || span.style.contains(.code) {
                        marked.insert(span.text.trimmingCharacters(" ").lowercased())
                    }
                }
                var colonParagraphs: [String] = []
                for note in node.notes where note.kind == .paragraph {
                    for word in Self.words(note.text.plainText) { words.insert(word.lowercased()) }
                    read(note.text.plainText)
                    let text = note.text.plainText.trimmingCharacters(" ")
                    if text.hasSuffix(":") || text.hasSuffix("：") { colonParagraphs.append(String(text.dropLast()).trimmingCharacters(" ")) }
                }
                if !colonParagraphs.isEmpty { for fact in node.facts { leadIns[fact.id] = colonParagraphs } }
            }
        }
        vocabulary = words
        self.leadIns = leadIns
        self.phrases = phrases
        self.marked = marked
    }

    public func findings(for question: Question) -> [String] {
        var found: [String] = []
        let fact = question.fact.text.plainText
        let prompt = question.prompt
        let answer = question.answer
        let shown = ([prompt] + question.context).joined(separator: "\n")

        // Scaffolding.
        for text in [answer] + question.options where Self.isScaffolding(text) {
            found.append("scaffolding as an option or answer: \(text)")
        }
        if Self.isScaffolding(fact) { found.append("a question made from scaffolding") }

        // A flip that hides the topic ("Which topic? …", no path shown) is held to which-topic's rules.
        let recallsTopic = question.kind == .flip && question.context.isEmpty && !prompt.contains(Question.blank)
            && answer == question.topicPath.last
        // A flip card the notes write (a heading that asks, over prose) is asked as written.
        if question.fact.answer != nil {
            if question.kind != .flip { found.append("a written flip card asked as \(question.kind.rawValue)") }
            if question.prompt != fact.trimmingCharacters(" ") { found.append("a written flip card not asked as written") }
            if answer.isEmpty { found.append("a written flip card with no answer") }
            // "…pass parameters: This is an equivalent…", "…the below command, And apply…":
            // an example was dropped between two sentences.
            let words = answer.split(separator: " ").map(String.init)
            for index in words.indices.dropFirst() {
                let previous = words[index - 1], word = words[index]
                let opener = ["And", "Note:", "Then"].contains(word)
                let introduces = previous.hasSuffix(":") && ["below:", "following:", "example:", "command:"].contains(previous.lowercased())
                if (previous.hasSuffix(",") && opener) || (introduces && word.first?.isUppercase == true) {
                    found.append("a written answer joined where an example was dropped: \(previous) \(word)")
                }
            }
            return found
        }
        switch question.kind {
        case .flip where recallsTopic:
            if Self.genericTitles.contains(Self.fold(answer)) { found.append("generic title as the answer: \(answer)") }
            for word in Self.titleWords(answer) where Self.contains(word: word, in: prompt) {
                found.append("title word \"\(word)\" visible in the prompt")
            }
        case .flip, .clozeTyped, .clozeChoice:
            found += blankFindings(prompt: prompt, answer: answer, fact: fact)
            // "処理する必要が_____" → なくなります: hiragana alone is grammar.
            if !answer.isEmpty, answer.unicodeScalars.allSatisfy({ (0x3040...0x309F).contains($0.value) || $0 == " " }) {
                found.append("a Japanese blank of hiragana alone (a grammatical ending): \(answer)")
            }
            // "但是问题是，_____ BCD 三个系统那里" → 要是: a Chinese conjunction ("if", "but") is grammar, not a term.
            if Self.chineseConjunctions.contains(answer.trimmingCharacters(" ")) {
                found.append("a Chinese blank on a conjunction: \(answer)")
            }
            // "_____都怎么玩儿过 Redis。" → 看看你在实际项目里: a chunk with the speaker's "you" in it is no term.
            let japanese = answer.unicodeScalars.contains { (0x3040...0x30FF).contains($0.value) }
            if japanese ? (answer.contains("あなた") || answer.contains("私") || answer.contains("彼")) : answer.contains(where: { "你我他她您".contains($0) }) {
                found.append("a Chinese or Japanese blank holding a pronoun: \(answer)")
            }
            // "1.27 _____" → KB: the unit of a number left in view.
            if answer.count <= 5, answer.allSatisfy(\.isLetter),
               let before = prompt.split(separator: Question.blank, omittingEmptySubsequences: false).first?.split(separator: " ").last,
               before.last?.isNumber == true {
                found.append("a blank on a number's unit: \(before) \(answer)")
            }
            // "Database Migration: _____" → DMS: an abbreviation and its words, one in view.
            if let spelled = Self.abbreviationSpelledOut(answer, shown) { found.append("an abbreviation spelled out in view: \(spelled)") }
            // "可以点击这里查看" ("click here"): a link's words are where it points, not a term.
            let navigation = ["here", "click", "this link", "read more", "点击", "这里", "查看", "ここ", "こちら"]
            for span in question.fact.text.spans where span.link != nil && span.text.contains(answer)
                && navigation.contains(where: { span.text.lowercased().contains($0) }) {
                found.append("a blank on a link's text: \(answer)")
            }
            // "integrate Microsoft Active | Directory": a phrase of plain words
            // that runs into a name and stops inside it.
            let around = prompt.split(separator: Question.blank, omittingEmptySubsequences: false)
            let answerWords = answer.split(separator: " ")
            if around.count == 2, answerWords.count >= 2, let first = answerWords.first, let last = answerWords.last,
               first.first?.isLowercase == true, last.first?.isUppercase == true, last.allSatisfy(\.isLetter),
               let after = around[1].split(separator: " ").first, around[1].hasPrefix(" "),
               after.first?.isUppercase == true, after.allSatisfy(\.isLetter) {
                found.append("the blank cuts a name: \(last) | \(after)")
            }
            // "Vec<T" of "Vec<T>".
            if answer.contains(where: { $0 == "<" }) != answer.contains(where: { $0 == ">" }), answer.contains(where: \.isLetter),
               prompt.contains(Question.blank + ">") || prompt.contains("<" + Question.blank) {
                found.append("the blank crosses a generic's angle brackets: \(answer)")
            }
            // "(Hypermedia as the Engine of _____": a blank that opens or closes a bracket but not both.
            for (open, close) in [("(", ")"), ("[", "]"), ("（", "）"), ("「", "」")]
            where answer.filter({ String($0) == open }).count != answer.filter({ String($0) == close }).count {
                found.append("the blank crosses a bracket: \(answer)")
            }
            found += visibleAnswer(answer, in: shown, options: question.options)
        case .whichTopic:
            if !question.context.isEmpty { found.append("which-topic shows a context (the path is its answer)") }
            for title in question.options where Self.genericTitles.contains(Self.fold(title)) {
                found.append("generic title as an option: \(title)")
            }
            for word in Self.titleWords(answer) where Self.contains(word: word, in: prompt) {
                found.append("title word \"\(word)\" visible in the prompt")
            }
        case .trueFalse:
            found += trueFalseFindings(question, fact: fact)
        case .definitionChoice:
            found += visibleAnswer(answer, in: shown, options: question.options)
            // "12.7 GB of new paste content per month" among three use cases: the only figure.
            let others = question.options.filter { $0 != answer }
            func opensWithADigit(_ text: String) -> Bool {
                text.unicodeScalars.first.map { ("0"..."9").contains($0) || ("０"..."９").contains($0) } ?? false
            }
            if !others.isEmpty, others.allSatisfy({ opensWithADigit($0) != opensWithADigit(answer) }) {
                found.append("the answer is the odd one out by opening with a figure or not")
            }
        case .authoredChoice:
            // Asked as the notes wrote it: only its make-up is checked.
            if question.options.count < 2 { found.append("a written question with under two options") }
            if question.correctOptions.isEmpty { found.append("a written question with no right option") }
            if question.correctOptions.contains(where: { !question.options.indices.contains($0) }) {
                found.append("a right option out of range")
            }
        }
        if question.kind == .clozeChoice || question.kind == .whichTopic || question.kind == .definitionChoice {
            found += optionFindings(question)
            // `attr("true`: half of a call or a quotation as an option (a
            // whole statement of the notes is as the notes wrote it).
            for option in question.options where question.kind != .definitionChoice {
                let quotes = option.filter { $0 == "\"" }.count
                let opens = option.filter { "([".contains($0) }.count, closes = option.filter { ")]".contains($0) }.count
                if quotes % 2 == 1 || opens != closes { found.append("a broken option: \(option)") }
            }
        }
        if question.kind != .authoredChoice, let correct = question.correctOption,
           !question.options.indices.contains(correct) || question.options[correct] != answer {
            found.append("the marked option is not the answer")
        }
        return found
    }

    // MARK: - Rules

    private func blankFindings(prompt: String, answer: String, fact: String) -> [String] {
        var found: [String] = []
        let characters = Array(prompt)
        let blank = Array(Question.blank)
        guard prompt.contains(Question.blank) else { return ["no blank in the prompt"] }
        var index = 0
        while index + blank.count <= characters.count {
            if Array(characters[index..<(index + blank.count)]) == blank {
                let before = index > 0 ? characters[index - 1] : " "
                let after = index + blank.count < characters.count ? characters[index + blank.count] : " "
                if Self.isLatinWordCharacter(before) || Self.isLatinWordCharacter(after) {
                    found.append("blank inside a word")
                }
                // "_____-powered": a blank on one half of a hyphenated word.
                let beforeHyphen = index >= 2 && characters[index - 1] == "-" && Self.isLatinWordCharacter(characters[index - 2])
                let afterIndex = index + blank.count
                let afterHyphen = afterIndex + 1 < characters.count && characters[afterIndex] == "-"
                    && Self.isLatinWordCharacter(characters[afterIndex + 1])
                if beforeHyphen || afterHyphen { found.append("blank on half of a hyphenated word") }
                // "10:_____": one half of a ratio or a time.
                let afterColonDigit = afterIndex + 1 < characters.count && characters[afterIndex] == ":" && characters[afterIndex + 1].isNumber
                let beforeDigitColon = index >= 2 && characters[index - 1] == ":" && characters[index - 2].isNumber
                if afterColonDigit || beforeDigitColon { found.append("blank on half of a ratio or time") }
                // "_____ (Gmail), Dropbox": a name in brackets after the blank is its example.
                let following = String(characters[afterIndex...].prefix(40))
                if following.hasPrefix(" (") || following.hasPrefix("("), let close = following.firstIndex(of: ")") {
                    let inside = following[following.index(after: following.firstIndex(of: "(")!)..<close].split(separator: " ")
                    if (1...2).contains(inside.count) && inside.allSatisfy({ $0.first?.isUppercase == true }) {
                        found.append("a blank followed by its named example in brackets")
                    }
                }
                // "X — _____: value": a table row's column header.
                let headerBefore = index >= 2 && (String(characters[(index - 2)..<index]) == "— " || String(characters[(index - 2)..<index]) == "; ")
                if headerBefore && afterIndex < characters.count && characters[afterIndex] == ":" {
                    found.append("blank on a table column header")
                }
                index += blank.count
            } else {
                index += 1
            }
        }
        // "参考_____: research.google.com" → ページ: a blank on part of a table's column header.
        let halves = prompt.split(separator: Question.blank, maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        if halves.count == 2, prompt.contains(" — ") {
            let before = halves[0], after = halves[1]
            let opening = [before.ranges(of: "; ").last, before.ranges(of: " — ").last].compactMap { $0 }
                .max { $0.upperBound < $1.upperBound }
            if let opening, !before[opening.upperBound...].contains(where: { $0 == ":" || $0 == "：" }),
               let colon = after.firstIndex(where: { $0 == ":" || $0 == "：" }),
               !after[..<colon].contains("; "), !after[..<colon].contains(" — "), !before[opening.upperBound...].isEmpty || colon != after.startIndex {
                found.append("blank on part of a table column header")
            }
        }
        // What the learner reads, with the answer put back: the fact itself,
        // or for an item of a list asked by the rest of the list, the list.
        let whole = prompt.split(separator: Question.blank, omittingEmptySubsequences: false).joined(separator: answer)
        let answerWords = Self.words(answer)
        if answerWords.count == 1, let word = answerWords.first {
            if Self.closedClass.contains(word.lowercased()) { found.append("blank on a function word: \(word)") }
            // (A name with a capital inside, "WebAssembly", is no adverb.)
            if word.lowercased().hasSuffix("ly") && word.count > 5 && !Self.lyNouns.contains(word.lowercased())
                && !word.dropFirst().contains(where: \.isUppercase) {
                found.append("blank on an adverb: \(word)")
            }
            // A capital opening the fact is a sentence start, not a name; but the
            // term a "Term: definition" bullet defines is the point of it.
            let definesIt = [":", " -", " –", " —", " is ", " are ", " means ", " refers ", " =", " stands "]
                .contains { prompt.hasPrefix(Question.blank + $0) }
            // (An item recalled whole from its list is no word picked out of a sentence.)
            if !definesIt, answer != fact.trimmingCharacters(" "), whole.hasPrefix(word), word.first?.isUppercase == true,
               !word.dropFirst().contains(where: { $0.isUppercase || $0.isNumber }), vocabulary.contains(word.lowercased()),
               !whole.dropFirst(word.count).contains(word) {
                found.append("blank on a sentence-start capital: \(word)")
            }
        }
        let left = Self.words(prompt.split(separator: Question.blank, omittingEmptySubsequences: false).joined(separator: " "))
            .filter { !Self.closedClass.contains($0.lowercased()) }
        if left.count < 2 { found.append("the blank leaves under two content words") }
        if answer.count * 10 > whole.count * 6 { found.append("the blank covers most of the fact") }
        return found
    }

    private func visibleAnswer(_ answer: String, in shown: String, options: [String]) -> [String] {
        var found: [String] = []
        // Chinese and Japanese: a character is a morpheme found everywhere;
        // two of the answer's characters together are what give it away.
        let characters = Array(answer)
        if characters.contains(where: { $0.unicodeScalars.first.map(Self.isCJK) ?? false }) {
            for index in characters.indices.dropLast() {
                let pair = String(characters[index...index + 1])
                guard pair.unicodeScalars.allSatisfy(Self.isCJK), shown.contains(pair) else { continue }
                if !options.isEmpty && options.allSatisfy({ $0.contains(pair) }) { continue }
                found.append("answer characters \"\(pair)\" visible above or in the prompt")
            }
            return found
        }
        // An abbreviation shows inside a longer word too ("MQ" in "ActiveMQ").
        if answer.count >= 2, answer.allSatisfy({ $0.isUppercase || $0.isNumber }) {
            for word in Self.words(shown) where word != answer && word.contains(answer) && word.count > answer.count {
                found.append("answer \(answer) visible inside \(word)")
                break
            }
        }
        // A number with its unit shows only as a whole ("1 KB", not the "1" of "Step 1").
        if answer.first?.isNumber == true {
            let answerWords = Self.words(answer).map { $0.lowercased() }
            let shownWords = Self.words(shown).map { $0.lowercased() }
            if shownWords.count >= answerWords.count,
               (0...(shownWords.count - answerWords.count)).contains(where: { Array(shownWords[$0..<($0 + answerWords.count)]) == answerWords }) {
                found.append("the number \(answer) visible above or in the prompt")
            }
            return found
        }
        for word in Self.words(answer) where !Self.closedClass.contains(word.lowercased()) && Self.contains(word: word, in: shown) {
            // Shared by every option, a word gives nothing away.
            if !options.isEmpty && options.allSatisfy({ Self.contains(word: word, in: $0) }) { continue }
            found.append("answer word \"\(word)\" visible above or in the prompt")
        }
        // "euclidean remainder" with "div_euclid" in view: most of a word shows as a part of another.
        let shownParts = Set(shown.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init))
        for word in Self.words(answer).map({ $0.lowercased() }) where word.count >= 5 {
            for part in shownParts where part != word && part.count >= 5 {
                let (short, long) = part.count < word.count ? (part, word) : (word, part)
                guard long.hasPrefix(short), short.count * 3 >= long.count * 2 else { continue }
                if !options.isEmpty && options.allSatisfy({ $0.lowercased().contains(short) }) { continue }
                found.append("most of answer word \"\(word)\" visible as \"\(part)\"")
                break
            }
        }
        // "Added a _____ module with ToHex and FromHex traits" → hex: the answer
        // word is a part of an identifier in view (camelCase, PascalCase, snake_case).
        let identifiers = Self.identifierParts(shown)
        for word in Self.words(answer) where !Self.closedClass.contains(word.lowercased()) {
            guard let identifier = identifiers[word.lowercased()] else { continue }
            if !options.isEmpty && options.allSatisfy({ Self.contains(word: word, in: $0) }) { continue }
            found.append("answer word \"\(word)\" visible as a part of \(identifier)")
        }
        return found
    }

    /// The parts (three letters or more, lowercased) of the identifiers of a
    /// text, each with an identifier it is a part of: "ToHex" → "hex",
    /// "div_euclid" → "div" and "euclid", "XMLHttpRequest" → "xml", "http",
    /// "request". A word of one part ("Hexdump") has none.
    static func identifierParts(_ text: String) -> [String: String] {
        var found: [String: String] = [:]
        let identifiers = text.split { character in
            !(character.isLetter || character.isNumber || character == "_")
                || character.unicodeScalars.contains(where: isCJK)
        }
        for identifier in identifiers {
            var parts: [String] = []
            for piece in identifier.split(separator: "_") {
                let characters = Array(piece)
                var current = ""
                for (index, character) in characters.enumerated() {
                    if let last = current.last {
                        let following = index + 1 < characters.count ? characters[index + 1] : " "
                        let camel = last.isLowercase && character.isUppercase
                        let afterCapitals = last.isUppercase && character.isUppercase && following.isLowercase
                        if camel || afterCapitals { parts.append(current); current = "" }
                    }
                    current.append(character)
                }
                if !current.isEmpty { parts.append(current) }
            }
            guard parts.count >= 2 else { continue }
            for part in parts where part.filter(\.isLetter).count >= 3 {
                found[part.lowercased()] = found[part.lowercased()] ?? String(identifier)
            }
        }
        return found
    }

    private func trueFalseFindings(_ question: Question, fact: String) -> [String] {
        var found: [String] = []
        let statement = question.prompt
        let words = Self.words(statement)
        let cjk = statement.unicodeScalars.contains { Self.isCJK($0) }
        if !cjk && words.count < 4 { found.append("true/false on a fragment of under four words") }
        if statement.trimmingTrailingSpaces().hasSuffix(":") { found.append("true/false on a fragment ending in ':'") }
        guard let truth = question.truth else { return ["true/false without a truth"] }
        let afterLeadIn = leadIns[question.factID, default: []].contains { statement == $0 + ": " + fact }
        if truth {
            if statement != fact && !afterLeadIn { found.append("a true statement that is not the fact") }
            return found
        }
        if statement == fact { found.append("a false statement equal to the fact") }
        // The words brought in must be words of the notes (or numbers), whole.
        let factWords = Set(Self.words(fact).map { $0.lowercased() })
        for word in words where !factWords.contains(word.lowercased()) {
            // A number (with its unit: "5GB") may be made up; a word may not.
            let isNumber = word.first?.isNumber == true
            // An inflection of a word of the notes ("expires" for "expire") is no made-up word.
            let lower = word.lowercased()
            let inflected = [String(lower.dropLast()), String(lower.dropLast(2)), String(lower.dropLast(3)) + "y"]
                .contains { vocabulary.contains($0) }
            if !vocabulary.contains(lower) && !isNumber && !inflected
                && !Self.negationForms.contains(word.lowercased()) && !Self.closedClass.contains(word.lowercased()) {
                found.append("swap made a word the notes never use: \(word)")
            }
        }
        // "Amazon Amazon EC2": a swap that repeats a word.
        let lowered = statement.lowercased()
        for (left, right) in zip(words, words.dropFirst()) where left.lowercased() == right.lowercased() && !left.allSatisfy(\.isNumber) {
            let pair = "\(left.lowercased()) \(right.lowercased())"
            if lowered.contains(pair) && !fact.lowercased().contains(pair) {
                found.append("swap repeats a word: \(left) \(right)")
            }
        }
        // Two negations in the fact: flipping one leaves it true.
        let negations = Self.words(fact).filter { Self.negativeWords.contains($0.lowercased()) }.count
        let statementNegations = words.filter { Self.negativeWords.contains($0.lowercased()) }.count
        if negations >= 2 && statementNegations != negations { found.append("one of two negations flipped") }
        if let swap = Self.swappedTerm(fact: fact, statement: statement),
           Self.isBroaderKind(swap.replacement, of: swap.original, topicPath: question.topicPath) {
            found.append("a false statement that swaps a term for its broader kind (still true): \(swap.original) → \(swap.replacement)")
        }
        return found
    }

    // MARK: - Swaps for a broader kind

    /// The term a false statement swapped in and the one it took out:
    /// "RPCをデバッグするのは難しい" → "APIをデバッグするのは難しい" gives
    /// (RPC, API). The text between the common start and end, widened to
    /// whole runs of Latin letters or of katakana; when the term was swapped
    /// more than once, its first run ("CDNでは…CDNを" → "DNSでは…DNSを").
    /// Nil when the statement is not the fact with one term replaced.
    static func swappedTerm(fact: String, statement: String) -> (original: String, replacement: String)? {
        let left = Array(fact), right = Array(statement)
        guard left != right else { return nil }
        var start = 0
        while start < left.count, start < right.count, left[start] == right[start] { start += 1 }
        var leftEnd = left.count, rightEnd = right.count
        while leftEnd > start, rightEnd > start, left[leftEnd - 1] == right[rightEnd - 1] { leftEnd -= 1; rightEnd -= 1 }
        // Widen to whole runs: "データベース" → "データストア" differs in "ベース"/"ストア" only.
        let opening = Set([start < leftEnd ? runClass(left[start]) : nil, start < rightEnd ? runClass(right[start]) : nil].compactMap { $0 })
        let closing = Set([leftEnd > start ? runClass(left[leftEnd - 1]) : nil, rightEnd > start ? runClass(right[rightEnd - 1]) : nil]
            .compactMap { $0 })
        while start > 0, let run = runClass(left[start - 1]), opening.contains(run) { start -= 1 }
        while leftEnd < left.count, let run = runClass(left[leftEnd]), closing.contains(run) { leftEnd += 1; rightEnd += 1 }
        let original = String(left[start..<leftEnd]), replacement = String(right[start..<rightEnd])
        guard !original.isEmpty, !replacement.isEmpty else { return nil }
        // Swapped at every occurrence: the original's first run, and the
        // start of the other side that makes the statement ("系统" for "Kafka").
        let originalCharacters = Array(original)
        if let first = originalCharacters.first, let run = runClass(first) {
            let firstOriginal = String(originalCharacters.prefix { runClass($0) == run })
            for length in 1..<replacement.count {
                let candidate = String(replacement.prefix(length))
                if fact.replacing(firstOriginal, with: candidate) == statement { return (firstOriginal, candidate.trimmingCharacters(" ")) }
            }
        }
        return fact.replacing(original, with: replacement) == statement ? (original, replacement) : nil
    }

    /// Which run of one word a character belongs to: Latin letters and
    /// digits (0), katakana and its long mark (1); nil for anything else
    /// (a kanji or kana of grammar ends no word the audit can tell).
    private static func runClass(_ character: Character) -> Int? {
        guard let scalar = character.unicodeScalars.first else { return nil }
        if (0x30A0...0x30FF).contains(scalar.value) { return 1 }
        if !isCJK(scalar) && (character.isLetter || character.isNumber) { return 0 }
        return nil
    }

    /// Whether `replacement` names the kind `original` is one of, so the
    /// "false" statement stays true: a generic word for a kind of thing
    /// ("RPC" → "API", "Redis" → "database", "Kafka" → "系统"), or a word
    /// of the topic path the fact sits under that the original is not
    /// (under "Caching › Redis", "Redis" → "Caching").
    static func isBroaderKind(_ replacement: String, of original: String, topicPath: [String]) -> Bool {
        let key = replacement.trimmingCharacters(" ").lowercased()
        if kindWords.contains(key) || kindWords.contains(singular(key)) { return true }
        // A name for a name, not a phrase for its negation ("Doesn't render" → "Renders").
        let originalWords = Set(words(original).map { base($0.lowercased()) })
        guard originalWords.isDisjoint(with: words(replacement).map { base($0.lowercased()) }) else { return false }
        let path = topicPath.dropFirst().joined(separator: " \n ")
        return contains(word: replacement, in: path) && !contains(word: original, in: path)
    }

    /// Words that name a kind of thing rather than one thing: swapped for
    /// a name, they say what the name is.
    static let kindWords: Set<String> = [
        "api", "service", "database", "system", "protocol", "server", "framework", "tool", "technology", "platform",
        "application", "app", "data", "software", "component", "module", "network", "storage", "interface", "library",
        "サービス", "データベース", "システム", "プロトコル", "サーバー", "サーバ", "フレームワーク", "ツール", "技術",
        "プラットフォーム", "アプリケーション", "アプリ", "データ", "ソフトウェア", "コンポーネント", "モジュール",
        "ネットワーク", "ストレージ", "インターフェース", "ライブラリ",
        "系统", "服务", "数据库", "协议", "服务器", "框架", "工具", "技术", "平台", "应用", "数据", "软件", "组件", "模块",
        "网络", "存储", "接口",
    ]

    private func optionFindings(_ question: Question) -> [String] {
        var found: [String] = []
        let options = question.options
        if options.count != 4 { found.append("\(options.count) options, not 4") }
        for (leftIndex, left) in options.enumerated() {
            for right in options[(leftIndex + 1)...] {
                if Self.sameThing(left, right) { found.append("two options name the same thing: \(left) / \(right)") }
                else if Self.containsAllWords(left, right) || Self.containsAllWords(right, left) {
                    found.append("one option contains another: \(left) / \(right)")
                } else if Self.sayTheSameInCJK(left, right) {
                    found.append("two Chinese or Japanese options say the same thing: \(left) / \(right)")
                }
            }
        }
        let scripts = Set(options.map { option in option.unicodeScalars.contains { Self.isCJK($0) } })
        if scripts.count > 1 { found.append("options mix scripts") }
        if question.kind == .clozeChoice {
            // "SINGLE KEYSTROKE" among "Static field" and "Node.js HTTP": the one in capitals stands out.
            func shouts(_ text: String) -> Bool {
                let letters = text.filter(\.isLetter)
                return letters.count >= 2 && letters.allSatisfy { $0.isUppercase && $0.isASCII }
            }
            let wrongOptions = options.filter { $0 != question.answer }
            if !wrongOptions.isEmpty && wrongOptions.allSatisfy({ shouts($0) != shouts(question.answer) }) {
                found.append("the answer is the odd one out by its capitals")
            }
            let units = Set(options.map(Self.unitOf))
            if units.count > 1 { found.append("options of different units or kinds: \(units.sorted())") }
            // Words as spaces separate them; Chinese and Japanese by characters.
            func size(_ text: String) -> Int {
                text.unicodeScalars.contains(where: Self.isCJK) ? text.count : text.split(separator: " ").count
            }
            let answerWordCount = size(question.answer)
            let others = options.filter { $0 != question.answer }
            if !others.isEmpty && others.allSatisfy({ size($0) != answerWordCount })
                && Set(others.map { size($0) }).count == 1 {
                found.append("the answer is the odd one out by word count")
            }
            // "name correspond", "impressive static", "finish sooner": plain words
            // cut from a sentence are no term; shown alone, only a phrase the
            // notes write whole reads as one.
            for option in others {
                let optionWords = option.split(separator: " ")
                guard optionWords.count >= 2, optionWords.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isLowercase } }),
                      !marked.contains(option),
                      !phrases.contains(option) else { continue }
                found.append("a distractor that is no whole phrase of the notes: \(option)")
            }
            // "Two _____ of different types" among [elements, animations, underlying]:
            // the slot's number rules out whatever does not agree with the answer.
            func isPlain(_ text: String) -> Bool { text.allSatisfy { $0 == " " || ($0.isASCII && $0.isLowercase) } }
            func isPlural(_ text: String) -> Bool {
                let last = text.split(separator: " ").last.map(String.init) ?? ""
                return last.count > 3 && last.hasSuffix("s") && !["ss", "us", "is"].contains { last.hasSuffix($0) }
            }
            // Only where the words round the blank fix the number: a determiner
            // before it, or "is"/"are" after it ("for the _____ and" takes either).
            let sides = question.prompt.split(separator: Question.blank, maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            // (The words next to it: one space apart, no punctuation between.)
            let before = sides[0].hasSuffix(" ") && sides[0].dropLast().last?.isLetter == true
                ? Self.words(sides[0]).last?.lowercased() ?? "" : ""
            let after = sides.count > 1 && sides[1].hasPrefix(" ") && sides[1].dropFirst().first?.isLetter == true
                ? Self.words(sides[1]).first?.lowercased() ?? "" : ""
            let fixed = Self.numberWords.contains(before)
                || ["is", "are", "was", "were", "has", "have"].contains(after)
            if fixed && isPlain(question.answer) {
                for option in others where isPlain(option) && isPlural(option) != isPlural(question.answer) {
                    found.append("a distractor that disagrees with the answer in number: \(option)")
                }
            }
            let length = question.answer.count
            if !others.isEmpty && (others.allSatisfy { $0.count * 2 < length } || others.allSatisfy { $0.count > length * 2 }) {
                found.append("the answer is the odd one out by length")
            }
        }
        return found
    }

    // MARK: - Words (the audit's own)

    static func words(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            // "2.0" and "1,000" are one number.
            if (character == "." || character == ","), current.last?.isNumber == true, index + 1 < characters.count,
               characters[index + 1].isNumber {
                current.append(character)
                continue
            }
            if character.isLetter || character.isNumber || character == "'" || character == "’" || character == "_" {
                if let scalar = character.unicodeScalars.first, isCJK(scalar) {
                    if !current.isEmpty { result.append(current); current = "" }
                    result.append(String(character))
                    continue
                }
                current.append(character)
            } else if !current.isEmpty {
                result.append(current)
                current = ""
            }
        }
        if !current.isEmpty { result.append(current) }
        return result.map { $0.trimmingCharacters("'’") }.filter { !$0.isEmpty }
    }

    /// The runs of two to four plain lowercase words a text writes as a
    /// phrase standing whole: not opened by a verb (after "they", "can" or
    /// "to": "they finish sooner"), not cut from a longer phrase (a word
    /// other than grammar after it: "impressive static | type checks"), and
    /// not a verb and its object ("an object describing what happened",
    /// "a component threw an error").
    static func wholePhrases(in text: String) -> Set<String> {
        // Clauses are split at punctuation; words joined by "-", "_", "'" or "." stay one word.
        var clauses: [[String]] = [[]]
        var current = ""
        // A word ending in a stop or a quote ("sooner.", "modes'") ends its clause there.
        func closeWord() {
            guard !current.isEmpty else { return }
            let stop = current.last.map { ".'’".contains($0) } ?? false
            clauses[clauses.count - 1].append(stop ? String(current.dropLast()) : current)
            if stop { clauses.append([]) }
            current = ""
        }
        for character in text {
            if character.isLetter || character.isNumber || "-_'’.".contains(character) && !current.isEmpty {
                current.append(character)
                continue
            }
            closeWord()
            if character != " " && character != "\t" { clauses.append([]) }
        }
        closeWord()
        var found: Set<String> = []
        for clause in clauses where clause.count >= 2 {
            let lowered = clause.map { $0.lowercased() }
            let plain = clause.map { word in !word.isEmpty && word.allSatisfy { $0.isASCII && $0.isLowercase } }
            for start in clause.indices {
                if start > 0 && verbOpeners.contains(lowered[start - 1]) { continue }
                for length in 2...4 where start + length <= clause.count {
                    let end = start + length
                    guard plain[start..<end].allSatisfy({ $0 }) else { break }
                    if end < clause.count {
                        let after = lowered[end]
                        guard closedClass.contains(after) || prepositions.contains(after), !objectOpeners.contains(after) else { continue }
                    }
                    found.insert(lowered[start..<end].joined(separator: " "))
                }
            }
        }
        return found
    }

    /// Words after which a word is a verb: subjects, auxiliaries, modals, "to".
    private static let verbOpeners: Set<String> = [
        "i", "you", "he", "she", "it", "we", "they", "can", "cannot", "could", "may", "might", "must", "shall", "should",
        "will", "would", "do", "does", "did", "don't", "doesn't", "didn't", "to",
    ]
    /// Prepositions, conjunctions and negated auxiliaries the audit's closed class leaves out.
    private static let prepositions: Set<String> = [
        "without", "within", "between", "through", "across", "after", "before", "during", "because", "while",
        "like", "unless", "until", "since", "whereas", "although", "beyond", "against", "among", "instead",
        "rather", "using", "isn't", "aren't", "wasn't", "weren't", "don't", "doesn't", "didn't", "won't", "can't",
    ]
    /// What opens the object of a verb: a word before one is a verb, not a noun.
    private static let objectOpeners: Set<String> = [
        "the", "a", "an", "its", "their", "your", "our", "his", "what", "how", "whether",
    ]

    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        (0x3040...0x30FF).contains(scalar.value) || (0x3400...0x9FFF).contains(scalar.value)
            || (0xF900...0xFAFF).contains(scalar.value) || (0xAC00...0xD7AF).contains(scalar.value)
    }

    private static func isLatinWordCharacter(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first, !isCJK(scalar) else { return false }
        return character.isLetter || character.isNumber
    }

    /// Whether `word` stands in `text` as a whole word (any case; a simple
    /// plural counts), or for CJK as a substring.
    static func contains(word: String, in text: String) -> Bool {
        if word.unicodeScalars.contains(where: isCJK) { return text.contains(word) }
        let target = base(word.lowercased())
        return words(text).contains { base($0.lowercased()) == target }
    }

    /// A word's base for "the same word shows": singular, and "-ing", "-ed"
    /// and a final "e" taken off ("Caching" and "cache", "_.throttle" and
    /// "Throttling").
    private static func base(_ word: String) -> String {
        var word = singular(word)
        if word.count > 6 && word.hasSuffix("ing") { word.removeLast(3) } else if word.count > 5 && word.hasSuffix("ed") { word.removeLast(2) }
        if word.count > 4 && word.hasSuffix("e") && !word.hasSuffix("ee") { word.removeLast() }
        return word
    }

    /// An abbreviation in one text whose letters (all, or all but the
    /// first or last) are the initials of words in a row of the other.
    static func abbreviationSpelledOut(_ left: String, _ right: String) -> String? {
        func parts(_ text: String) -> [Substring] { text.split { !($0.isLetter || $0.isNumber) } }
        for (short, long) in [(left, right), (right, left)] {
            let heads = parts(long).compactMap { $0.first?.uppercased() }.joined()
            for word in parts(short) where (2...6).contains(word.count) && word.allSatisfy({ $0.isUppercase && $0.isASCII }) {
                if heads.contains(word) || (word.count >= 3 && (heads.contains(String(word.dropFirst())) || heads.contains(String(word.dropLast())))) {
                    return String(word)
                }
            }
        }
        return nil
    }

    static func singular(_ word: String) -> String {
        if word.count > 4 && word.hasSuffix("ies") { return String(word.dropLast(3)) + "y" }
        if word.count > 3 && word.hasSuffix("s") && !word.hasSuffix("ss") { return String(word.dropLast()) }
        return word
    }

    /// The words of a title a which-topic prompt must not show: every
    /// content word, short ones like "S3" too; for CJK, every pair of
    /// characters.
    static func titleWords(_ title: String) -> [String] {
        var result: [String] = []
        let characters = Array(title)
        for index in characters.indices.dropLast() {
            let pair = String(characters[index...index + 1])
            // A pair with the long-vowel mark or a hiragana particle ("ーキ", "の世") means nothing alone.
            let meaningless = pair.unicodeScalars.contains { $0 == "ー" || $0 == "・" || (0x3040...0x309F).contains($0.value) }
            if pair.unicodeScalars.allSatisfy(isCJK) && !meaningless { result.append(pair) }
        }
        for word in words(title) where !word.unicodeScalars.contains(where: isCJK) && !closedClass.contains(word.lowercased()) {
            result.append(word)
        }
        return result
    }

    static func fold(_ text: String) -> String {
        String(text.lowercased().filter { $0.isLetter || $0.isNumber || $0 == " " }).trimmingCharacters(" ")
    }

    /// Equal modulo case, spacing, punctuation, a plural, emoji or a
    /// parenthesised abbreviation.
    static func sameThing(_ left: String, _ right: String) -> Bool {
        func key(_ text: String) -> String {
            var depth = 0
            var kept = ""
            for character in text.lowercased() {
                if character == "(" { depth += 1 } else if character == ")" { depth -= 1 }
                else if depth == 0 && (character.isLetter || character.isNumber) { kept.append(character) }
            }
            return singular(kept)
        }
        return key(left) == key(right)
    }

    /// Whether two Chinese or Japanese options say the same thing: with
    /// punctuation and a katakana word's closing long-vowel mark dropped
    /// ("エントリー" is "エントリ"), 80% or more of the shorter one's
    /// character pairs stand in the other ("アプリケーションはキャッシュにある
    /// エントリを追加・更新します" and "キャッシュのエントリーを追加・更新します").
    /// A table row's column headers ("詳細: …; 冪等性*: Yes", segments split
    /// by ";") are left out:
    /// every row has them, and they say nothing of what a row holds.
    static func sayTheSameInCJK(_ left: String, _ right: String) -> Bool {
        guard left.unicodeScalars.contains(where: isCJK), right.unicodeScalars.contains(where: isCJK) else { return false }
        func isKatakana(_ character: Character) -> Bool {
            character.unicodeScalars.allSatisfy { (0x30A1...0x30FA).contains($0.value) || $0 == "ー" }
        }
        func cells(_ text: String) -> String {
            let segments = text.split { $0 == ";" || $0 == "；" }
            guard segments.count >= 2 else { return text }
            return segments.map { segment in
                guard let colon = segment.firstIndex(where: { $0 == ":" || $0 == "：" }),
                      segment[segment.index(after: colon)...].contains(where: { $0.isLetter || $0.isNumber }) else { return String(segment) }
                return String(segment[segment.index(after: colon)...])
            }.joined(separator: " ")
        }
        func pairs(_ text: String) -> Set<String> {
            let characters = Array(cells(text).lowercased())
            var kept: [Character] = []
            for (index, character) in characters.enumerated() where character.isLetter || character.isNumber {
                let closesAWord = index + 1 == characters.count || !isKatakana(characters[index + 1])
                if character == "ー", closesAWord, let last = kept.last, isKatakana(last) { continue }
                kept.append(character)
            }
            guard kept.count >= 2 else { return [] }
            return Set((0..<(kept.count - 1)).map { String(kept[$0...($0 + 1)]) })
        }
        let leftPairs = pairs(left), rightPairs = pairs(right)
        let (shorter, longer) = leftPairs.count <= rightPairs.count ? (leftPairs, rightPairs) : (rightPairs, leftPairs)
        guard !shorter.isEmpty else { return false }
        return shorter.intersection(longer).count * 5 >= shorter.count * 4
    }

    private static func containsAllWords(_ outer: String, _ inner: String) -> Bool {
        let innerWords = Set(words(inner).map { singular($0.lowercased()) }).subtracting(closedClass)
        let outerWords = Set(words(outer).map { singular($0.lowercased()) })
        return !innerWords.isEmpty && innerWords.isSubset(of: outerWords)
    }

    /// "%" for 75%, "tb" for 16 TB, "year" for 2019, "count" for 12, "text" for words.
    private static func unitOf(_ option: String) -> String {
        let trimmed = option.trimmingCharacters(" $")
        guard let first = trimmed.first, first.isASCII, first.isNumber else { return "text" }
        let number = trimmed.prefix { $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") }
        let unit = String(trimmed.dropFirst(number.count)).trimmingCharacters(" ").lowercased()
        if unit.isEmpty {
            let isYear = number.count == 4 && number.allSatisfy(\.isNumber) && (number.hasPrefix("19") || number.hasPrefix("20"))
            return isYear ? "year" : "count"
        }
        return unit
    }

    private static func isScaffolding(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(" ")
        return trimmed.hasPrefix("[ ]") || trimmed.hasPrefix("[x]") || trimmed.hasPrefix("[X]")
            || trimmed.lowercased().hasPrefix("back to top") || trimmed.hasPrefix("http://") || trimmed.hasPrefix("https://")
    }

    /// Determiners that say one or many ("each", "two", "these").
    static let numberWords: Set<String> = [
        "a", "an", "each", "every", "one", "this", "that", "another", "two", "three", "four", "five", "these",
        "those", "many", "several", "few", "both", "multiple", "various",
    ]

    static let closedClass: Set<String> = [
        "a", "an", "the", "this", "that", "these", "those", "i", "you", "he", "she", "it", "we", "they", "me", "him",
        "her", "us", "them", "my", "your", "his", "its", "our", "their", "is", "are", "was", "were", "be", "been",
        "being", "am", "do", "does", "did", "have", "has", "had", "can", "cannot", "could", "may", "might", "must",
        "shall", "should", "will", "would", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as", "into",
        "and", "or", "but", "if", "then", "than", "so", "not", "no", "yes", "already", "once", "also", "only",
        "just", "very", "too", "often", "always", "never", "still", "even", "again", "here", "there", "now", "when",
        "where", "which", "what", "who", "how", "why", "all", "any", "some", "each", "every", "more", "most",
        "less", "such", "other", "about", "over", "under", "up", "out", "via", "per", "etc", "e.g", "i.e",
    ]

    private static let lyNouns: Set<String> = ["anomaly", "assembly", "supply", "family", "monopoly", "multiply"]

    static let negationForms: Set<String> = [
        "not", "no", "never", "cannot", "can't", "isn't", "aren't", "doesn't", "don't", "without", "none",
        "incorrect", "impossible", "unsuitable", "impractical", "correct", "possible", "suitable", "practical",
        "supports", "requires", "available",
    ]

    /// Words that negate a statement.
    static let negativeWords: Set<String> = [
        "not", "no", "never", "cannot", "can't", "can’t", "isn't", "aren't", "doesn't", "don't", "without", "none",
        "incorrect", "impossible", "unsuitable", "impractical", "unavailable",
    ]

    /// Chinese conjunctions and connectives: a blank on one asks for grammar.
    static let chineseConjunctions: Set<String> = [
        "要是", "如果", "假如", "但是", "可是", "不过", "因为", "所以", "而且", "并且", "或者", "然后", "虽然", "尽管",
        "只要", "只有", "即使", "哪怕", "以及", "还是", "于是", "因此", "否则", "不然",
    ]

    static let genericTitles: Set<String> = [
        "summary", "introduction", "references", "table of contents", "contents", "overview", "conclusion",
        "resources", "links", "further reading", "see also", "appendix", "faq", "back to top",
    ]
}

extension String {
    public func trimmingCharacters(_ set: String) -> String {
        var characters = Substring(self)
        while let first = characters.first, set.contains(first) { characters = characters.dropFirst() }
        while let last = characters.last, set.contains(last) { characters = characters.dropLast() }
        return String(characters)
    }

    public func trimmingTrailingSpaces() -> String {
        var characters = Substring(self)
        while characters.last?.isWhitespace == true { characters = characters.dropLast() }
        return String(characters)
    }
}
