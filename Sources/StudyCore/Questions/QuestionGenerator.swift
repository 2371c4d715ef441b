import DeckKit

/// Makes questions from plain bullets, seeded so the same seed gives the same
/// question. A kind is offered for a fact only when it makes a well-formed
/// question:
/// - blanks and swaps cover whole tokens, on a key term (`KeyTermFinder`)
///   none of whose words shows in the prompt or in the topic path above it;
/// - options are of one kind and shape (numbers with the same unit, names
///   with names of as many words), taken from the nearest topics first, and
///   no two name the same thing (`OptionForms`); a phrase of plain words is
///   an option only where its notes write it whole
///   (`KeyTermFinder.standsWhole`), and agrees with the answer in number
///   where the sentence fixes it (`ShapeMatch.fixesNumber`);
/// - a false statement is made only where it is surely false: one negation
///   flipped, or a name or number swapped that is not one item of a list
///   nor a bound ("up to 75%");
/// - which-topic masks every word of the title (stems, short tokens, CJK
///   words) and never offers a title like "Summary".
///
///     let generator = QuestionGenerator(decks: [deck])
///     generator.kinds(for: fact.id)                        // [.flip, .whichTopic, …]
///     generator.question(for: fact.id, kind: .clozeChoice, seed: 7)
///
/// Built when a session starts, or on a spare core while the full screen
/// opens (`prepare(near:)`), not in the way of the first frame. Building only
/// indexes the deck (ids, topics); each fact is analysed the first time a
/// question needs it (`QuestionIndex` keeps the analysis), so a question
/// costs the same on a 100,000-fact deck as on a small one.
public struct QuestionGenerator: Sendable, Equatable {
    private let index: QuestionIndex

    public init(decks: [Deck]) {
        index = QuestionIndex(decks: decks)
    }

    /// Two generators are equal when they are the same generator: its one
    /// field is the index (a reference, holding caches filled on use), and
    /// that is what is compared, whole, by identity.
    public static func == (lhs: QuestionGenerator, rhs: QuestionGenerator) -> Bool {
        lhs.index === rhs.index
    }

    /// Works out now what every question needs of the whole deck (the terms
    /// it sets in bold or code), so the first question need not: for a
    /// caller with a core to spare before the learner asks.
    public func prepare() {
        _ = index.glossary()
    }

    /// The analyses a first question about these facts reads (their
    /// topics' key terms and statements and those of the nearest topics, as
    /// far as a search for options reaches: a dense deck's first question
    /// analysed 350 facts for its options), then `prepare()`. The glossary comes last: a
    /// question reads it only for a plain one-word term, and walking every
    /// fact of a 100,000-fact deck for it is 9 ms that a first question
    /// about a bold term or a phrase need not wait for. Nothing here changes a question:
    /// the analyses are the ones a question would make and keep; it only
    /// moves that work to before the question is asked. Safe on another
    /// thread while questions are asked (the caches are behind mutexes).
    ///
    ///     let generator = QuestionGenerator(decks: decks)     // on a spare core,
    ///     generator.prepare(near: topicFactIDs)              // before `s` is pressed
    public func prepare(near ids: [FactID]) {
        defer { prepare() }
        var topics: [Int] = []
        for id in ids {
            guard let position = index.entry(id) else { continue }
            let topic = index.facts[position].topic
            if !topics.contains(topic) { topics.append(topic) }
            if topics.count >= Self.preparedTopics { break }
        }
        for topic in topics {
            var factsSeen = 0
            for near in [topic] + index.topicsByDistance(from: topic, limit: 80) {
                if factsSeen > Self.optionBudget { break }
                factsSeen += index.topics[near].facts.count
                _ = index.terms(ofTopic: near)
                // The statements a "which of these belongs under" question
                // weighs as options (`topicStatement`): 300 facts' forms,
                // 6-9 ms of a first question on a 100,000-fact deck.
                for position in index.topics[near].facts { _ = index.forms(position) }
            }
        }
    }

    /// How many topics of a scope `prepare(near:)` warms, nearest first: a
    /// session's first question is about one of its first facts.
    static let preparedTopics = 2

    /// The facts a search for options looks through, about (`distractors`).
    static let optionBudget = 300

    /// Whether this generator was made from these decks (same decks, same
    /// facts): a generator made on another thread while the posts were read
    /// again is for the old notes.
    public func isBuilt(from decks: [Deck]) -> Bool {
        index.decks == decks
    }

    /// The fact with this id, if it is in the decks.
    public func fact(_ id: FactID) -> Fact? {
        index.entry(id).map { index.fact(at: $0) }
    }

    /// Deck title and node titles down to the fact's topic.
    public func topicPath(of id: FactID) -> [String] {
        index.entry(id).map { index.topics[index.facts[$0].topic].path } ?? []
    }

    /// Whether the facts belong to more than one topic (which-topic would
    /// give itself away inside one). Stops at the first fact of another topic.
    public func spansTopics(_ ids: [FactID]) -> Bool {
        guard let first = ids.first, let topic = index.entry(first).map({ index.facts[$0].topic }) else { return false }
        return ids.contains { id in index.entry(id).map { index.facts[$0].topic != topic } ?? false }
    }

    /// The key term that flip and cloze questions about this fact hide.
    public func keyTerm(of id: FactID) -> KeyTerm? {
        index.entry(id).flatMap { keyTerm(at: $0) }
    }

    /// Every kind that makes a well-formed question for the fact.
    public func kinds(for id: FactID) -> [QuestionKind] {
        QuestionKind.allCases.filter { question(for: id, kind: $0, seed: 1) != nil }
    }

    /// A question of a kind chosen at random among `allowed` that work for it.
    /// - Parameter truth: for a true/false question, the version to show
    ///   (the session keeps true and false even); nil lets the seed choose.
    public func question(for id: FactID, choosingFrom allowed: [QuestionKind], seed: UInt64, truth: Bool? = nil) -> Question? {
        var random = SeededRandom(seed: id.rawValue, counter: seed)
        // A question of the notes has its own kinds; a statement never takes
        // them (so a seed asks a statement as it did before they existed).
        let isWritten = index.entry(id).map { index.fact(at: $0).kind == .question } ?? false
        var kinds = allowed.filter { isWritten ? ($0 == .authoredChoice || $0 == .flip) : $0 != .authoredChoice }
        random.shuffle(&kinds)
        for kind in kinds {
            if let question = question(for: id, kind: kind, seed: seed, truth: truth) { return question }
        }
        return nil
    }

    /// A question of `kind` about the fact, or nil when that kind would not
    /// be well formed for it. True/false is offered only for facts with a
    /// surely false version; `truth` picks the version (else the seed does).
    public func question(for id: FactID, kind: QuestionKind, seed: UInt64, truth: Bool? = nil) -> Question? {
        guard let position = index.entry(id) else { return nil }
        var random = SeededRandom(seed: id.rawValue + kind.rawValue, counter: seed)
        let entry = index.facts[position]
        let fact = index.fact(at: position)
        let path = index.topics[entry.topic].path
        let context = index.context(of: position)
        // A question the notes ask is asked as written, and in no other way.
        if fact.kind == .question {
            return authored(fact, kind: kind, path: path, context: context, using: &random)
        }
        if kind == .authoredChoice { return nil }
        // Checkbox marks are a question bank's scaffolding, not a statement to learn.
        // A fact of a page or more is no flash card (and must not cost a
        // question the time of a book): it is shown, never asked.
        if fact.text.plainUTF8Count > Self.longestAskedFact { return nil }
        let plain = fact.text.plainText
        if plain.hasPrefix("[ ]") || plain.hasPrefix("[x]") || plain.hasPrefix("[X]") { return nil }
        // Holes where inline HTML was dropped ("For example,  elements  to , or"): no sentence to ask.
        if Self.hasAHole(plain) { return nil }
        // A fragment introducing something ("Using spread operator:") states nothing.
        let ending = plain.trimmedSpaces().last
        if ending == ":" || ending == "：" { return nil }
        func make(_ prompt: String, context: [String] = context, options: [String] = [], correct: Int? = nil,
                  answer: String, truth: Bool? = nil) -> Question {
            Question(kind: kind, factID: id, fact: fact, topicPath: path, context: context, prompt: prompt,
                     options: options, correctOption: correct, answer: answer, truth: truth)
        }
        // A question in the notes ("为什么使用消息队列？") is asked as written, never blanked.
        let isQuestion = ending == "?" || ending == "？"
        if isQuestion && kind != .whichTopic { return nil }
        switch kind {
        case .authoredChoice:
            return nil
        case .flip:
            if let choice = keyTermChoice(at: position) { return make(choice.gapped, answer: choice.term.text) }
            // An item of a list of names ("Strings, Hashes, _____, Sets"): recall the missing one.
            if let (prompt, answer) = listCompletion(at: position) { return make(prompt, answer: answer) }
            // Else the topic it belongs to, recalled rather than picked: a short
            // title that names a subject ("Amazon SQS"), never a question or a
            // sentence, with its words masked in the fact and no path shown.
            let topic = index.topics[entry.topic]
            // Up to six words of Latin script ("AWS IAM Identity Center (SSO)"); four of CJK words.
            let titleWords = TextTokens(topic.title).words.count
            let titleLimit = Self.isCJK(topic.title) ? 4 : 6
            if !topic.isGeneric, (1...titleLimit).contains(titleWords), topic.title.count <= titleLimit * 10,
               let last = topic.title.last, !"?？:：.。".contains(last),
               let masked = maskingTitle(of: entry.topic, at: position) {
                let cjk = Self.isCJK(masked)
                let cue = cjk ? (Self.isJapanese(masked) ? "どのトピック？ " : "属于哪个主题？ ") : "Which topic? "
                return make(cue + masked, context: [], answer: topic.title)
            }
            // An item of a list of statements ("State assumptions"): recalled whole, the others shown.
            if let (prompt, answer) = itemRecall(at: position) { return make(prompt, answer: answer) }
            // Else a phrase of it recalled from the rest; else, for an item
            // whose other words show in its list ("Sorted Sets" beside
            // "Sets"), the part of it that tells it from the rest.
            guard let (prompt, answer) = phraseRecall(at: position) ?? listCompletion(at: position, partOfItem: true)
                    ?? itemRecall(at: position, partOfItem: true) else { return nil }
            return make(prompt, answer: answer)
        case .clozeTyped:
            // Typed answers are marked against the notes' wording: only a term
            // one types one way (a name, a number, a styled or single word), not
            // a phrase like "passed child" that other words would say as well.
            if let choice = keyTermChoice(at: position, typeable: true) { return make(choice.gapped, answer: choice.term.text) }
            if let (prompt, answer) = listCompletion(at: position), Self.isOneTypeableWord(answer) { return make(prompt, answer: answer) }
            // A part of an item typed only when the item is a name ("React
            // DOM _____" → Server), not words of a sentence ("Users _____ and
            // like posts" → share), which other words would say as well.
            guard Self.isAName(plain.trimmedSpaces()), let (prompt, answer) = listCompletion(at: position, partOfItem: true),
                  Self.isOneTypeableWord(answer) else { return nil }
            return make(prompt, answer: answer)
        case .clozeChoice:
            // A table's row asked by its label, the other rows' labels as options.
            func byRowLabel() -> Question? {
                // Else a "Term: definition" item by its term, its words masked in the definition.
                guard let (prompt, label, others) = rowLabelChoice(at: position) ?? definedTermChoice(at: position) else { return nil }
                var pool = others
                random.shuffle(&pool)
                guard let three = Self.threeNotSinglingOut(label, from: pool) else { return nil }
                return shuffled([label] + three, using: &random) { make(prompt, options: $0, correct: $1, answer: label) }
            }
            // A Chinese or Japanese cell of a table asked by its column (`columnChoice`), with no path (it names the columns).
            func byColumn() -> Question? {
                guard let (prompt, answer, others) = columnChoice(at: position, using: &random) else { return nil }
                return shuffled([answer] + others, using: &random) { make(prompt, context: [], options: $0, correct: $1, answer: answer) }
            }
            guard let choice = keyTermChoice(at: position, forChoice: true) else { return byRowLabel() ?? byColumn() }
            let term = choice.term, gapped = choice.gapped
            var pool = distractors(for: term, at: position, visible: [gapped] + context, limit: 6)
            guard pool.count >= 3 else { return byRowLabel() ?? byColumn() }
            pool = Array(pool.prefix(6))
            random.shuffle(&pool)
            let options = [term.text] + pool.prefix(3).map(\.text)
            return shuffled(options, using: &random) { make(gapped, options: $0, correct: $1, answer: term.text) }
        case .definitionChoice:
            func byDefinition(_ term: String, _ definition: String, shown: [String]) -> Question? {
                let prompt = "What is \(term)?"
                let pool = definitionDistractors(for: definition, term: term, at: position, visible: [prompt] + shown)
                guard pool.count >= 3 else { return nil }
                var nearest = Array(pool.prefix(5))
                random.shuffle(&nearest)
                guard let three = Self.threeNotSettingApart(definition, from: nearest + pool.dropFirst(5)) else { return nil }
                return shuffled([definition] + three, using: &random) {
                    make(prompt, context: shown, options: $0, correct: $1, answer: definition)
                }
            }
            if let (term, definition) = definitionPair(at: position), let question = byDefinition(term, definition, shown: context) {
                return question
            }
            // Else the topic as the term: which of these statements is about it?
            guard let (prompt, shown, answer, distractors) = topicStatement(at: position) else {
                // Else a Chinese or Japanese definition that shares a word with the path, with no path shown.
                guard let (term, definition) = cjkDefinitionPairWithoutPath(at: position) else { return nil }
                return byDefinition(term, definition, shown: [])
            }
            var pool = Array(distractors.prefix(5))
            random.shuffle(&pool)
            guard let three = Self.threeNotSettingApart(answer, from: pool + distractors.dropFirst(5)) else { return nil }
            return shuffled([answer] + three, using: &random) {
                make(prompt, context: shown, options: $0, correct: $1, answer: answer)
            }
        case .whichTopic:
            let topic = index.topics[entry.topic]
            // A title that is a sentence ("Use case: User enters a block of text …") is no topic to name.
            let titleWords = topic.title.split(separator: " ").count
            guard !topic.isGeneric, titleWords <= 8 || (topic.title.hasSuffix("?") && titleWords <= 14),
                  let masked = maskingTitle(of: entry.topic, at: position) else {
                // Under "Misc" of "Version 1.17.0", the section the catch-all heading belongs to.
                if topic.isGeneric, let (masked, section, others) = whichSection(at: position) {
                    var pool = others
                    random.shuffle(&pool)
                    return shuffled([section] + pool.prefix(3), using: &random) {
                        make(masked, context: [], options: $0, correct: $1, answer: section)
                    }
                }
                // Under "Summary", an item nested under a label ("SQS:") is asked by its label.
                guard let (masked, label, others) = whichLabel(at: position) else { return nil }
                var pool = others
                random.shuffle(&pool)
                return shuffled([label] + pool.prefix(3), using: &random) {
                    make(masked, context: [], options: $0, correct: $1, answer: label)
                }
            }
            let distractors = topicDistractors(for: entry.topic, asking: position, prompt: masked, using: &random)
            guard distractors.count == 3 else {
                // Too few headings beside "Out of scope": an item nested under
                // "User registers for an account" is asked by that item instead.
                guard let (masked, label, others) = whichLabel(at: position) else { return nil }
                var pool = others
                random.shuffle(&pool)
                return shuffled([label] + pool.prefix(3), using: &random) {
                    make(masked, context: [], options: $0, correct: $1, answer: label)
                }
            }
            return shuffled([topic.title] + distractors, using: &random) {
                make(masked, context: [], options: $0, correct: $1, answer: topic.title)
            }
        case .trueFalse:
            // An item of one of two parallel lists ("SQL を選ぶ理由:" and "NoSQL
            // を選ぶ理由:") said of its own list's subject, or of the other's.
            if let swap = listSwap(at: position) {
                let isTrue = truth ?? (random.nextUnit() < 0.5)
                return make(isTrue ? swap.true : swap.false, options: ["True", "False"], correct: isTrue ? 0 : 1,
                            answer: isTrue ? "True" : "False", truth: isTrue)
            }
            var versions = falseStatements(at: position)
            // An item of a list of headed paragraphs ("系统可用性降低 系统引入的外部依赖越多…") under another item's headline.
            if versions.isEmpty, let swapped = headlineSwap(at: position) { versions = [swapped] }
            guard !versions.isEmpty else { return nil }
            let coin = random.nextUnit() < 0.5
            if !(truth ?? coin) {
                let statement = versions[Int(random.next() % UInt64(versions.count))]
                return make(statement, options: ["True", "False"], correct: 1, answer: "False", truth: false)
            }
            return make(index.analysis(position).plain, options: ["True", "False"], correct: 0, answer: "True", truth: true)
        }
    }

    /// A question written in the notes: a question bank's item with its
    /// options shuffled (the seed decides), right when exactly the checked
    /// ones are chosen ("choose 2" is said when it does not say so itself);
    /// or a flip card with its written answer. The stem stays as written.
    private func authored(_ fact: Fact, kind: QuestionKind, path: [String], context: [String],
                          using random: inout SeededRandom) -> Question? {
        let stem = fact.text.plainText.trimmedSpaces()
        if let answer = fact.answer {
            guard kind == .flip else { return nil }
            return Question(kind: .flip, factID: fact.id, fact: fact, topicPath: path, context: Self.withoutStem(context, stem),
                            prompt: stem, answer: answer.plainText.trimmedSpaces())
        }
        guard kind == .authoredChoice, fact.choices.count >= 2 else { return nil }
        var order = Array(fact.choices.indices)
        random.shuffle(&order)
        let options = order.map { fact.choices[$0].text.plainText.trimmedSpaces() }
        let correct = order.indices.filter { fact.choices[order[$0]].isCorrect }
        let right = correct.map { options[$0] }
        let saysHowMany = stem.lowercased().contains("choose") || stem.lowercased().contains("select")
        let prompt = correct.count > 1 && !saysHowMany ? "\(stem) (choose \(correct.count))" : stem
        return Question(kind: .authoredChoice, factID: fact.id, fact: fact, topicPath: path,
                        context: Self.withoutStem(context, stem), prompt: prompt, options: options,
                        correctOption: correct.first, correctOptions: correct, answer: right.joined(separator: " · "))
    }

    /// The path shown above a question the notes ask, without its last
    /// title when that title is the question itself (a question bank's
    /// heading): it would be printed twice.
    static func withoutStem(_ context: [String], _ stem: String) -> [String] {
        guard let path = context.first, path.hasSuffix(stem) else { return context }
        let shorter = String(path.dropLast(stem.count)).trimmedSpaces()
        var trimmed = shorter
        while trimmed.hasSuffix("›") { trimmed = String(trimmed.dropLast()).trimmedSpaces() }
        return (trimmed.isEmpty ? [] : [trimmed]) + context.dropFirst()
    }

    // MARK: - Key terms

    /// The first candidate that can be hidden: none of its words in the
    /// topic path, and nothing of it left showing once blanked. For a choice
    /// it must not be one item of a written-out list (another could be true).
    private func keyTerm(at position: Int, forChoice: Bool = false, typeable: Bool = false) -> KeyTerm? {
        keyTermChoice(at: position, forChoice: forChoice, typeable: typeable)?.term
    }

    /// The key term and the fact as blanked, chosen once per fact and use.
    private func keyTermChoice(at position: Int, forChoice: Bool = false, typeable: Bool = false) -> QuestionIndex.KeyTermChoice? {
        index.keyTerm(position, use: (forChoice ? 1 : 0) + (typeable ? 2 : 0)) {
            findKeyTerm(at: position, forChoice: forChoice, typeable: typeable)
        }
    }

    /// The first candidate that suits the use (recall, choice, typing) and
    /// passes `hideable(_:at:)`.
    private func findKeyTerm(at position: Int, forChoice: Bool, typeable: Bool) -> QuestionIndex.KeyTermChoice? {
        let analysis = index.analysis(position)
        for (number, term) in analysis.candidates.enumerated() {
            if (forChoice || typeable) && term.isListItem { continue }
            if typeable && term.kind == .phrase && term.wordCount > 1 { continue }
            // A Chinese or Japanese term (a word found without a part-of-speech
            // tagger, or a row label like 时效性) is only ever a self-graded
            // recall: typed or chosen, synonyms and ungrammatical options would
            // be marked wrong.
            if (forChoice || typeable) && term.isCJK { continue }
            if let choice = index.hideable(position, candidate: number, judge: { hideable(term, at: position) }) { return choice }
        }
        return nil
    }

    /// The candidate blanked, when it can be hidden whatever the use: none of
    /// its words in the topic path, nothing of it left showing once blanked,
    /// a word worth learning. Judged once per candidate (`QuestionIndex`
    /// keeps it): the three uses ask about the same candidates.
    private func hideable(_ term: KeyTerm, at position: Int) -> QuestionIndex.KeyTermChoice? {
        let analysis = index.analysis(position)
        let contextStems = index.contextStems(of: position)
        // An open list ("Examples: _____, PostgreSQL, …, etc."): any member would do.
        if term.isListItem && Self.isOpenList(analysis.plain) { return nil }
        // "(Hypermedia as the Engine of _____": half an aside, half outside it.
        if Self.crossesABracket(term.text) { return nil }
        if Self.isInNavigationLink(term.text, of: index.fact(at: position)) { return nil }
        // "(_____)" after "Amazon Web Services", or "_____ (AWS)": the other form shows it.
        let occurrences = TextEdits.occurrences(of: term.text, in: analysis.tokens)
        if occurrences.contains(where: { TextEdits.isParenthesised($0, in: analysis.tokens) }) { return nil }
        // "_____ (Gmail), Dropbox": a name in brackets right after the blank is its example.
        if occurrences.contains(where: { TextEdits.isFollowedByANamedExample($0, in: analysis.tokens) }) { return nil }
        // "(over 10 years old)", "(150TB)": a number in an aside is a detail of one example.
        if term.kind == .number, occurrences.contains(where: { TextEdits.isInsideParentheses($0, in: analysis.tokens) }) { return nil }
        // A term blanked twice or more ("Big Data _____: Run _____") is the sentence's subject, not its point.
        if occurrences.count > 1 { return nil }
        // Half of "@-pointers", or a term with no letter or digit at all.
        if occurrences.contains(where: { TextEdits.isHyphenJoined($0, in: analysis.tokens) }) { return nil }
        if !term.text.contains(where: { $0.isLetter || $0.isNumber }) { return nil }
        // A CJK word running into more of its script ("バック|エンド") may be half a word.
        if term.isCJK, TextEdits.runsIntoSameScript(term.range, in: analysis.tokens) { return nil }
        // Found inside another word ("MQ" in "ActiveMQ"), or more than once: it shows.
        if TextEdits.occursInsideAWord(term.text, in: ([analysis.plain] + index.context(of: position)).joined(separator: "\n")) {
            return nil
        }
        // A plain single word ("document", "datasets", "テーブル") only when the
        // notes single it out elsewhere, in a heading or in bold.
        if term.kind == .phrase && term.wordCount == 1 && !term.isCJK && !Self.isSpecificWord(term.text)
            && index.stems(term.text).isDisjoint(with: index.glossary()) { return nil }
        if term.kind == .phrase && term.isCJK && term.wordCount == 1 && term.text.count <= 4
            && !index.glossary().contains(term.text) { return nil }
        guard let gapped = blanking(term, at: position) else { return nil }
        if term.kind == .number {
            // A number shows only as a whole: "1 KB" is not given away by "Step 1".
            let shown = [gapped] + index.context(of: position)
            if shown.contains(where: { !TextEdits.occurrences(of: term.text, in: TextTokens($0)).isEmpty }) { return nil }
            return QuestionIndex.KeyTermChoice(term: term, gapped: gapped)
        }
        let stems = index.stems(term.text)
        guard !stems.isEmpty, stems.isDisjoint(with: contextStems) else { return nil }
        if !stemsOutside(TextEdits.occurrences(of: term.text, in: analysis.tokens), at: position).isDisjoint(with: stems) { return nil }
        // A lowercase term that also opens the sentence would blank a capital.
        if term.kind == .phrase, !term.isCJK, gapped.hasPrefix(Question.blank) { return nil }
        if term.isCJK, TextEdits.sharesTwoCharacters(term.text, with: ([gapped] + index.context(of: position)).joined()) {
            return nil // 吞吐量 with 高吞吐 left in view
        }
        // "Twitterタイムライン": a CJK word run into Latin letters is part of one word.
        if term.isCJK, TextEdits.touchesLatin(term.range, in: analysis.tokens) { return nil }
        // Any word of it left in view, in either number ("ABIs" beside "ABI").
        let shown = ([gapped] + index.context(of: position)).joined(separator: "\n")
        if TextEdits.showsAWord(of: term.text, in: shown) { return nil }
        // "Database Migration: _____" → DMS; "SNS: _____" → Notification service: one spells the other.
        if Self.spellsOut(term.text, shown) { return nil }
        // "total = ~1.27 _____" → KB: a unit is half of its number.
        if term.text.count <= 5, term.text.allSatisfy(\.isLetter),
           occurrences.contains(where: { TextEdits.wordBefore($0, in: analysis.tokens)?.last?.isNumber == true }) { return nil }
        return QuestionIndex.KeyTermChoice(term: term, gapped: gapped)
    }

    /// The fact with every whole-token occurrence of the term blanked, or nil
    /// when fewer than two content words would be left to read.
    private func blanking(_ term: KeyTerm, at position: Int) -> String? {
        let analysis = index.analysis(position)
        let ranges = TextEdits.occurrences(of: term.text, in: analysis.tokens)
        guard !ranges.isEmpty else { return nil }
        // Count what is left from the fact's own words: no second pass over the text.
        var content = 0
        for word in analysis.tokens.words where !ranges.contains(where: { $0.contains(word.range.lowerBound) }) {
            let text = analysis.tokens.string(word.range).lowercased()
            if word.kind.isCJK ? text.count >= 2 : !WordLists.functionWords.contains(text) { content += 1 }
            if content >= 2 { break }
        }
        guard content >= 2 else { return nil }
        return TextEdits.replacing(ranges, in: analysis.tokens, with: Question.blank)
    }

    /// The stems of the fact's words outside `ranges` (what a blank leaves showing).
    private func stemsOutside(_ ranges: [Range<Int>], at position: Int) -> Set<String> {
        let analysis = index.analysis(position)
        var stems: Set<String> = []
        for word in analysis.tokens.words where !ranges.contains(where: { $0.contains(word.range.lowerBound) }) {
            let text = analysis.tokens.string(word.range).lowercased()
            if word.kind.isCJK {
                if text.count >= 2 && !WordLists.cjkFunctionWords.contains(text) { stems.insert(text) }
            } else if !WordLists.functionWords.contains(text) {
                stems.insert(OptionForms.stem(text))
                if text.utf8.contains(where: { $0 < 0x80 && !(0x30...0x39).contains($0) && !(0x41...0x5A).contains($0) && !(0x61...0x7A).contains($0) }) {
                    for part in text.split(whereSeparator: { !($0.isLetter || $0.isNumber) }) where part.count >= 2 {
                        stems.insert(OptionForms.stem(String(part)))
                    }
                }
            }
        }
        return stems
    }

    // MARK: - Lists

    /// A short item of a list asked by the rest of the list: the lead-in
    /// (if any) and the other items, with this one blanked. Nil when the
    /// item is not one of a list of short items, or when any word of it
    /// shows in the list or above it ("Sets" beside "Sorted Sets").
    /// - Parameter partOfItem: blank only the words that tell the item from
    ///   the rest (`distinguishingPart`), keeping those that show in view:
    ///   "Strings, …, Sets, _____ Sets" → Sorted.
    private func listCompletion(at position: Int, partOfItem: Bool = false) -> (prompt: String, answer: String)? {
        guard let (items, leadIn) = index.shortList(around: position), let own = items.firstIndex(of: position) else { return nil }
        let whole = index.analysis(position).plain.trimmedSpaces()
        let texts = items.map { index.analysis($0).plain.trimmedSpaces() }
        // "PropTypes.array, PropTypes.bool, PropTypes._____": what every item
        // begins with stays in view, and only the rest is asked.
        let shared = partOfItem ? "" : Self.sharedPrefix(of: texts)
        var answer = String(whole.dropFirst(shared.count))
        let cjk = Self.isCJK(answer)
        let separator = cjk ? "、" : ", "
        // A long list is shown around the blank: four items either side.
        let window = max(0, own - 4)...min(items.count - 1, own + 4)
        var shown = items[window].map { $0 == position ? shared + Question.blank : Self.shortened(index.analysis($0).plain.trimmedSpaces()) }
        if window.lowerBound > 0 { shown.insert("…", at: 0) }
        if window.upperBound < items.count - 1 { shown.append("…") }
        if partOfItem {
            let others = ([leadIn ?? ""] + shown.filter { $0 != Question.blank } + index.context(of: position)).joined(separator: "\n")
            guard let part = distinguishingPart(at: position, besides: others),
                  let slot = shown.firstIndex(of: Question.blank) else { return nil }
            shown[slot] = part.gapped
            answer = part.answer
        }
        let list = shown.joined(separator: separator)
        let prompt = leadIn.map { "\($0) \(list)" } ?? list
        let visible = ([prompt] + index.context(of: position)).joined(separator: "\n")
        let answerStems = index.stems(answer)
        // Most of what is read ("Ipv4Addr, Ipv6Addr, _____" → checked, saturated, and overflowing operations): no list left to recall it by.
        guard answer.count * 10 <= (prompt.count - Question.blank.count + answer.count) * 6 else { return nil }
        guard cjk ? answer.count >= 2 : !answerStems.isEmpty,
              answerStems.isDisjoint(with: index.stems(prompt)), answerStems.isDisjoint(with: index.contextStems(of: position)),
              !TextEdits.showsAWord(of: answer, in: visible), !Self.sharesCJKPair(answer, with: visible) else { return nil }
        return (prompt, answer)
    }

    /// An item of a list of statements, recalled whole from the rest of the
    /// list ("Traffic is not evenly distributed; Following a short link
    /// should be fast; _____; …"), self-graded (the quiz says "Recall the
    /// missing item"). Nil when the item is long,
    /// when the list is a list of short names (`listCompletion` asks those),
    /// when any word of it shows in the list or above it, or when it would
    /// be most of what is shown.
    /// - Parameter partOfItem: recall only the words that tell the item from
    ///   the rest (`distinguishingPart`), the others shown: "User enters a
    ///   block of text …; User is _____; Service tracks analytics of pages"
    ///   → anonymous.
    private func itemRecall(at position: Int, partOfItem: Bool = false) -> (prompt: String, answer: String)? {
        guard let items = index.siblingList(around: position) else { return nil }
        let whole = index.analysis(position).plain.trimmedSpaces()
        let words = TextTokens(whole).words.count
        let cjk = Self.isCJK(whole)
        // In Chinese or Japanese one word may be the item ("運" among the reasons an interview varies).
        guard cjk ? (1...40).contains(whole.count) && !WordLists.cjkFunctionWords.contains(whole) : (2...14).contains(words),
              whole.count <= 100 else { return nil }
        var shown = items.map { $0 == position ? Question.blank : Self.shortened(index.analysis($0).plain.trimmedSpaces()) }
        var answer = whole
        if partOfItem {
            let others = (shown.filter { $0 != Question.blank } + index.context(of: position)).joined(separator: "\n")
            guard let part = distinguishingPart(at: position, besides: others),
                  let slot = shown.firstIndex(of: Question.blank) else { return nil }
            shown[slot] = part.gapped
            answer = part.answer
        }
        let list = shown.joined(separator: cjk ? "；" : "; ")
        let prompt = list
        let visible = ([prompt] + index.context(of: position)).joined(separator: "\n")
        let stems = index.stems(answer)
        guard cjk || index.stems(whole).count >= 2, whole.count * 10 <= (list.count + whole.count) * 5,
              !partOfItem || (cjk ? answer.count >= 2 : !stems.isEmpty),
              stems.isDisjoint(with: index.stems(prompt)), stems.isDisjoint(with: index.contextStems(of: position)),
              !TextEdits.showsAWord(of: answer, in: visible), !Self.sharesCJKPair(answer, with: visible),
              !Self.spellsOut(answer, visible) else { return nil }
        return (prompt, answer)
    }

    /// The words of a list item that tell it from the rest of its list,
    /// when its other words show there or above it: "Sorted Sets" beside
    /// "Sets" ("_____ Sets" → Sorted), "User is anonymous" among "User
    /// enters …" items ("User is _____" → anonymous), "水平スケーリング"
    /// under "…のスケール" ("_____スケーリング" → 水平). The answer is then
    /// all the item says that its list does not, and the words kept in view
    /// are the family it belongs to. One run of words none of which shows,
    /// beginning and ending on a word that is not grammar. Nil when no word
    /// or every word of the item shows, when a word that shows splits the
    /// run, when the run follows a number ("10 million _____": the noun a
    /// number counts is half of it), or when it is one plain word too short
    /// or vague to recall, half a word or half a bracket.
    private func distinguishingPart(at position: Int, besides others: String) -> (gapped: String, answer: String)? {
        let tokens = index.analysis(position).tokens
        let words = tokens.words
        guard words.count >= 2 else { return nil }
        let othersStems = index.stems(others)
        var hidden: [Int] = []
        var showsAny = false
        for (number, word) in words.enumerated() {
            let text = tokens.string(word.range).lowercased()
            let isGrammar = word.kind.isCJK
                ? text.unicodeScalars.allSatisfy { (0x3040...0x309F).contains($0.value) } || WordLists.cjkFunctionWords.contains(text)
                : WordLists.functionWords.contains(text)
            if isGrammar { continue }
            let shows = word.kind.isCJK
                ? Self.sharesCJKPair(text, with: others)
                : !index.stems(text).isDisjoint(with: othersStems) || TextEdits.showsAWord(of: text, in: others)
            if shows { showsAny = true } else { hidden.append(number) }
        }
        guard showsAny, let first = hidden.first, let last = hidden.last else { return nil }
        // A word that shows between two hidden ones: two blanks' worth, not one part.
        for number in first...last where !hidden.contains(number) {
            let text = tokens.string(words[number].range).lowercased()
            if words[number].kind.isCJK ? Self.sharesCJKPair(text, with: others) : !index.stems(text).isDisjoint(with: othersStems) {
                return nil
            }
        }
        let range = words[first].range.lowerBound..<words[last].range.upperBound
        let answer = tokens.string(range)
        // "10 million _____" → users: what a number counts is half of it.
        let numbers = words[...last].compactMap { KeyTermFinder.numberTerm(startingAt: $0, tokens: tokens) }
        if numbers.contains(where: { $0.range.overlaps(range) || tokens.gap(from: $0.range.upperBound, to: range.lowerBound).allSatisfy(\.isWhitespace) }) {
            return nil
        }
        let cjk = Self.isCJK(answer)
        if cjk {
            // "Twitterタイムライン": a CJK word run into Latin letters is part of one word;
            // "ロード|バランシング": katakana run into katakana is half a loanword.
            guard !TextEdits.touchesLatin(range, in: tokens), !TextEdits.runsIntoSameScript(range, in: tokens),
                  !answer.contains(where: { "你我他她您".contains($0) }) else { return nil }
        } else {
            let joinedBefore = range.lowerBound > 0 && Self.isLatinWordUnit(tokens.units[range.lowerBound - 1])
            let joinedAfter = range.upperBound < tokens.units.count && Self.isLatinWordUnit(tokens.units[range.upperBound])
            guard !joinedBefore, !joinedAfter, !TextEdits.isHyphenJoined(range, in: tokens) else { return nil }
            // One word alone: a term, not "fast", "only" or a verb the rest
            // of the item calls for ("_____ the url" → Returns, "You can
            // _____ the data" → structure: query, store and index fit too).
            if first == last {
                let word = answer.lowercased()
                let before = first > 0 ? tokens.string(words[first - 1].range).lowercased() : ""
                guard word.count >= 4, !WordLists.looksLikeAdverb(word), word.contains(where: \.isLetter),
                      !WordLists.commonVerbs.contains(word), !Self.verbTakers.contains(before) else { return nil }
            }
        }
        guard !Self.crossesABracket(answer) else { return nil }
        let gapped = tokens.gap(from: 0, to: range.lowerBound) + Question.blank + tokens.gap(from: range.upperBound, to: tokens.units.count)
        return (gapped.trimmedSpaces(), answer)
    }

    /// A statement with no single term worth hiding, asked as a flip card:
    /// a phrase of it hidden, recalled and self-graded ("rustc is linked
    /// statically on Windows MSVC targets, _____" → "allowing it to run
    /// without installing the MSVC runtime"). The phrase is whole words,
    /// begins and ends on a word that is not grammar, holds at most 60% of
    /// the fact, and none of its words shows in the rest or in the path
    /// above; what is left keeps two words that are not grammar. Preferred:
    /// a phrase ending the fact or a clause (the longest), then one a clause
    /// break opens, else the shortest.
    private func phraseRecall(at position: Int) -> (prompt: String, answer: String)? {
        let tokens = index.analysis(position).tokens
        let words = tokens.words
        guard words.count >= 4, words.count <= 300, tokens.units.count <= 1_200 else { return nil }
        var end = tokens.units.count
        while end > 0, let scalar = Unicode.Scalar(tokens.units[end - 1]), " .。!！".unicodeScalars.contains(scalar) { end -= 1 }
        guard let lastWord = words.last, lastWord.range.upperBound <= end else { return nil }
        let total = end
        let cjk = words.contains { $0.kind.isCJK }
        let texts = words.map { tokens.string($0.range).lowercased() }
        let isGrammar = texts.map { WordLists.grammarWords.contains($0) }
        let isCapitalised = words.map { tokens.string($0.range).first?.isUppercase == true }
        let contextStems = index.contextStems(of: position)
        let contextLines = index.context(of: position).joined(separator: "\n")
        func isBreak(after word: Int) -> Bool {
            guard word + 1 < words.count else { return true }
            let gap = tokens.gap(from: words[word].range.upperBound, to: words[word + 1].range.lowerBound)
            return gap.contains { ",:;—–()，：；（）、".contains($0) } || gap.contains(" - ")
        }
        var spans: [(first: Int, last: Int, score: Int)] = []
        for first in words.indices where !isGrammar[first] {
            for last in first..<min(words.count, first + 12) where !isGrammar[last] {
                let length = words[last].range.upperBound - words[first].range.lowerBound
                // One word alone only when it is a term worth recalling: not a
                // sentence's first word, not an adverb, four letters or more.
                if last == first && !cjk {
                    let word = texts[first]
                    guard first > 0, word.count >= 4, !word.hasSuffix("ly"), word.contains(where: \.isLetter),
                          Self.isSpecificWord(word) || !index.stems(word).isDisjoint(with: index.glossary()) else { continue }
                }
                // Never half of a name ("integrate Microsoft Active | Directory").
                if !cjk, first > 0, isCapitalised[first - 1], isCapitalised[first] { continue }
                if !cjk, last + 1 < words.count, isCapitalised[last], isCapitalised[last + 1] { continue }
                guard length * 10 <= total * 6 else { continue }
                let score = (isBreak(after: last) ? 2 : 0) + (first == 0 || isBreak(after: first - 1) ? 1 : 0)
                spans.append((first, last, score))
            }
        }
        // A whole clause where one ends ("…targets, _____."); else the
        // fewest words, not a run across a verb ("A visibility _____ a
        // message" for "timeout hides").
        spans.sort { left, right in
            if left.score != right.score { return left.score > right.score }
            let leftLength = left.last - left.first, rightLength = right.last - right.first
            if leftLength != rightLength { return left.score >= 2 ? leftLength > rightLength : leftLength < rightLength }
            return left.first < right.first
        }
        for span in spans.prefix(200) {
            let start = words[span.first].range.lowerBound, stop = words[span.last].range.upperBound
            let answer = tokens.string(start..<stop)
            let rest = (tokens.gap(from: 0, to: start) + " " + tokens.gap(from: stop, to: tokens.units.count))
            let leftWords = (0..<words.count).filter { ($0 < span.first || $0 > span.last) && !isGrammar[$0] }.count
            let answerStems = OptionForms.contentStems(answer) // not remembered: up to 200 phrases a fact
            // Not half of a word run together with Latin ("URL_____"), nor across a table row's cells.
            // In Chinese and Japanese a phrase runs from a break to a break
            // (punctuation, a space, Latin): words touching it may be one word ("写|库").
            // A particle beside it (の, を, 的, 了…) is a break too.
            let touchesCJK = cjk && ((start > 0 && Self.isCJKUnit(tokens.units[start - 1]) && !Self.isParticleUnit(tokens.units[start - 1]))
                || (stop < tokens.units.count && Self.isCJKUnit(tokens.units[stop]) && !Self.isParticleUnit(tokens.units[stop])))
            let joinedBefore = touchesCJK || (start > 0 && Self.isLatinWordUnit(tokens.units[start - 1]))
            let joinedAfter = stop < tokens.units.count && Self.isLatinWordUnit(tokens.units[stop])
            let after = tokens.gap(from: stop, to: min(stop + 1, tokens.units.count))
            // "処理する必要が_____" → なくなります: kana alone is a grammatical ending, not a term.
            if cjk, answer.unicodeScalars.allSatisfy({ (0x3040...0x309F).contains($0.value) || $0.properties.isWhitespace }) { continue }
            // "看看你在实际项目里": a pronoun is the speaker's aside, not a term.
            // (In Japanese 他 is "other": その他.)
            if cjk, Self.isJapanese(answer) ? ["あなた", "私", "彼"].contains(where: { answer.contains($0) })
                : answer.contains(where: { "你我他她您".contains($0) }) { continue }
            guard !joinedBefore, !joinedAfter, after != ":", after != "：", !Self.crossesABracket(answer),
                  !Self.isInNavigationLink(answer, of: index.fact(at: position)), !answer.contains(where: { ";；—:：".contains($0) }),
                  // A Chinese or Japanese phrase of function words alone ("要是", "if") is grammar too.
                  cjk ? rest.count >= 4 && answer.count >= 2 && !answerStems.isEmpty : leftWords >= 3 && !answerStems.isEmpty,
                  answerStems.isDisjoint(with: OptionForms.contentStems(rest)), answerStems.isDisjoint(with: contextStems) else { continue }
            let prompt = (tokens.gap(from: 0, to: start) + Question.blank + tokens.gap(from: stop, to: tokens.units.count)).trimmedSpaces()
            let visible = prompt + "\n" + contextLines
            guard !TextEdits.showsAWord(of: answer, in: visible), !Self.sharesCJKPair(answer, with: visible),
                  !TextEdits.isHyphenJoined(start..<stop, in: tokens), !Self.spellsOut(answer, visible),
                  !TextEdits.isFollowedByANamedExample(start..<stop, in: tokens) else { continue }
            return (prompt, answer)
        }
        return nil
    }

    /// Whether the text is part of a link that only points somewhere
    /// ("click here", "可以点击这里查看"): words that are no term to learn.
    static func isInNavigationLink(_ text: String, of fact: Fact) -> Bool {
        fact.text.containsSpan(styledAny: .link) && fact.text.spans.contains { span in
            guard span.link != nil, span.text.contains(text) || text.contains(span.text) else { return false }
            let words = span.text.lowercased()
            return ["here", "click", "this link", "read more", "点击", "这里", "查看", "ここ", "こちら"].contains { words.contains($0) }
        }
    }

    /// Whether one text spells out an abbreviation the other shows: "DMS"
    /// and "Database Migration …", "SNS" and "… Notification service". The
    /// abbreviation (2-6 capitals) matches the initials of as many words in
    /// a row, or all but its first or last letter ("Simple", "Amazon",
    /// "Service" left out).
    static func spellsOut(_ left: String, _ right: String) -> Bool {
        // Cheap first: no two capitals in a row on either side, no abbreviation.
        func hasCapitalPair(_ text: String) -> Bool {
            var previous = false
            for byte in text.utf8 {
                let capital = (0x41...0x5A).contains(byte)
                if capital && previous { return true }
                previous = capital
            }
            return false
        }
        guard hasCapitalPair(left) || hasCapitalPair(right) else { return false }
        func abbreviations(_ text: String) -> [String] {
            text.split { !($0.isLetter || $0.isNumber) }.map(String.init)
                .filter { (2...6).contains($0.count) && $0.allSatisfy { $0.isUppercase && $0.isASCII } }
        }
        func initials(_ text: String) -> [Character] {
            text.split { !($0.isLetter || $0.isNumber) }.compactMap { $0.first.map { Character($0.uppercased()) } }
        }
        func spelled(_ short: String, by text: String) -> Bool {
            let letters = Array(short), heads = initials(text)
            let forms = [letters, Array(letters.dropFirst()), Array(letters.dropLast())]
            for wanted in forms where wanted.count >= 2 {
                guard heads.count >= wanted.count else { continue }
                for start in 0...(heads.count - wanted.count) where Array(heads[start..<(start + wanted.count)]) == wanted {
                    return true
                }
            }
            return false
        }
        return abbreviations(left).contains { spelled($0, by: right) } || abbreviations(right).contains { spelled($0, by: left) }
    }

    /// Whether the text has a hole where inline HTML was dropped ("For
    /// example,  elements  to , or"): two spaces, or a space before a
    /// comma. Two spaces after a sentence's end ("folder.  A variety") are
    /// a typist's spacing, not a hole.
    static func hasAHole(_ text: String) -> Bool {
        guard text.containsBytes("  ") || text.containsBytes(" , ") else { return false }
        if text.containsBytes(" , ") { return true }
        var previous: UInt8 = 0, run = 0
        for byte in text.utf8 {
            if byte == 0x20 {
                run += 1
                if run == 2, !".!?:;)".utf8.contains(previous) { return true }
            } else {
                run = 0
                previous = byte
            }
        }
        return false
    }

    /// Whether a title has a Latin word that katakana may spell in the fact
    /// ("federation" as フェデレーション): not grammar ("vs") and not an
    /// abbreviation ("DNS", "CDN", "REST"), which Japanese notes keep in Latin letters.
    static func hasSpellableLatinWord(_ title: String) -> Bool {
        title.split { !($0.isASCII && $0.isLetter) }.contains { word in
            let text = String(word)
            let isAbbreviation = text.count <= 5 && text.allSatisfy(\.isUppercase)
            return !isAbbreviation && !titleGrammar.contains(text.lowercased())
        }
    }

    /// A run of three katakana or more: a loanword, often a title's English word.
    /// The Latin word a Chinese or Japanese fact opens with ("SSL" of "SSL
    /// termination - 入力されるリクエストを…", "X.509" of "X.509 証明書 を…"),
    /// three characters or more: a heading holding a fact that opens with it
    /// too (SSL termination under both "ロードバランサー" and "リバースプロキシ")
    /// would be a right answer of which-topic as well.
    static func latinOpening(ofCJK text: String) -> String? {
        guard isCJK(text) else { return nil }
        // Its first word: "X.509 certificates" and "X.509 証明書" open alike.
        let opening = String(text.prefix { $0.isASCII && $0 != " " && $0 != "-" && $0 != ":" })
        guard opening.count >= 3, opening.contains(where: \.isLetter) else { return nil }
        return opening
    }

    /// A Japanese title without the Latin gloss in brackets after its
    /// katakana ("コンテンツデリバリーネットワーク(Content delivery network)",
    /// "リバースプロキシ(webサーバー)"): the katakana it glosses is masked in
    /// the fact as a word of the title, so the gloss's Latin words need no
    /// katakana spelling of their own. A title with no katakana outside its
    /// brackets ("欠点: federation") is kept whole.
    static func withoutGloss(_ title: String) -> String {
        guard let open = title.firstIndex(where: { $0 == "(" || $0 == "（" }), title.last == ")" || title.last == "）" else { return title }
        let head = String(title[..<open])
        return hasKatakanaWord(head) ? head : title
    }

    static func hasKatakanaWord(_ text: String) -> Bool {
        var run = 0
        for scalar in text.unicodeScalars {
            if (0x30A1...0x30FA).contains(scalar.value) || scalar.value == 0x30FC { run += 1; if run >= 3 { return true } } else { run = 0 }
        }
        return false
    }

    /// Whether the range sits in a run of text (no spaces) holding a path or
    /// query mark: "/persons/1234", "?personid=456".
    static func isInsideAPath(_ range: Range<Int>, in tokens: TextTokens) -> Bool {
        let units = tokens.units
        let marks: Set<UInt16> = [0x2F, 0x3D, 0x3F, 0x26, 0x23] // / = ? & #
        var index = range.lowerBound - 1
        while index >= 0, units[index] != 0x20 { if marks.contains(units[index]) { return true }; index -= 1 }
        index = range.upperBound
        while index < units.count, units[index] != 0x20 { if marks.contains(units[index]) { return true }; index += 1 }
        return false
    }

    /// Whether the text opens a bracket it does not close, or closes one it
    /// did not open: hidden, it would take half an aside ("(in libcore").
    static func crossesABracket(_ text: String) -> Bool {
        var depth = 0
        for character in text {
            if "([（「".contains(character) { depth += 1 }
            if ")]）」".contains(character) { depth -= 1; if depth < 0 { return true } }
        }
        // "Vec<T" of "Vec<T>": a generic's angle brackets (not "<10 ms").
        let characters = Array(text)
        let opened = characters.indices.filter { characters[$0] == "<" && $0 > 0 && characters[$0 - 1].isLetter }.count
        let closed = characters.indices.filter { characters[$0] == ">" && $0 > 0 && (characters[$0 - 1].isLetter || characters[$0 - 1] == ">") }.count
        return depth != 0 || opened != closed
    }

    /// A kana or CJK ideograph (one UTF-16 unit; the BMP is enough here).
    static func isCJKUnit(_ unit: UInt16) -> Bool {
        (0x3041...0x30FF).contains(unit) || (0x3400...0x9FFF).contains(unit) || (0xF900...0xFAFF).contains(unit)
    }

    /// A one-character particle that ends or opens a phrase in Japanese
    /// ("の", "を", "が", "に", "は", "で", "と", "も", "へ") or Chinese
    /// ("的", "了", "是", "在", "和", "与", "或", "就", "都", "也", "把", "被").
    static func isParticleUnit(_ unit: UInt16) -> Bool {
        "のをがにはでともへ的了是在和与或就都也把被".utf16.contains(unit)
    }

    /// A Latin letter or digit (one UTF-16 unit): what a blank may not touch.
    static func isLatinWordUnit(_ unit: UInt16) -> Bool {
        (0x30...0x39).contains(unit) || (0x41...0x5A).contains(unit) || (0x61...0x7A).contains(unit) || unit == 0x5F
    }

    /// A long item of a list, in a list shown as a question: its first six words and "…".
    static func shortened(_ text: String) -> String {
        let words = text.split(separator: " ")
        return words.count <= 8 ? text : words.prefix(6).joined(separator: " ") + " …"
    }

    /// The beginning every text shares, up to a "." or "_" that ends it
    /// ("PropTypes."), when every text goes on past it; "" otherwise. A
    /// shared beginning that is not cut at one of those is part of a word
    /// ("component" of "componentDidMount") and is not split.
    static func sharedPrefix(of texts: [String]) -> String {
        guard let first = texts.first, texts.count >= 2, first.utf8.allSatisfy({ $0 < 0x80 }) else { return "" }
        var prefix = Array(first)
        for text in texts.dropFirst() {
            let characters = Array(text)
            var length = 0
            while length < prefix.count, length < characters.count, prefix[length] == characters[length] { length += 1 }
            prefix = Array(prefix[..<length])
        }
        while let last = prefix.last, last != "." && last != "_" { prefix.removeLast() }
        guard !prefix.isEmpty, texts.allSatisfy({ $0.count > prefix.count + 1 }) else { return "" }
        return String(prefix)
    }

    /// Words a verb follows ("can", "to", "will"): one word blanked after
    /// them is a verb, which other verbs would fit as well.
    static let verbTakers: Set<String> = [
        "can", "cannot", "could", "will", "would", "shall", "should", "must", "may", "might", "to", "do", "does",
        "did", "don't", "doesn't", "can't", "won't",
    ]

    /// Every word capitalised, or written with a capital inside ("React
    /// Test Renderer", "Sorted Sets", "iPhone"): a name, not a sentence.
    static func isAName(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        return !words.isEmpty && words.allSatisfy { word in
            word.first?.isUppercase == true || word.dropFirst().contains(where: \.isUppercase)
        }
    }

    /// One word of Latin letters and digits (a name, "push()"): typed one way.
    static func isOneTypeableWord(_ text: String) -> Bool {
        text.count >= 3 && !text.contains(" ") && !isCJK(text) && text.contains(where: \.isLetter)
    }

    // MARK: - Options

    /// Terms of the nearest facts that could stand in the answer's place:
    /// the same kind, script, unit and number of words, a similar length,
    /// none naming the same thing as the answer or as each other, none
    /// already showing on screen. Numbers are made up when the notes have
    /// too few of the same unit. The search stops at `limit` (a choice shows
    /// three of six, a false statement uses two swaps) or after the topics
    /// holding about `budget` facts: a swap for a false statement is looked
    /// for nearer (a third of the choice's reach), since there is always
    /// another way to make one, or a question of another kind.
    private func distractors(for answer: KeyTerm, at position: Int, visible: [String], limit: Int, budget: Int = optionBudget) -> [KeyTerm] {
        let visibleStems = visible.reduce(into: Set<String>()) { $0.formUnion(index.stems($1)) }
        var chosen: [QuestionIndex.WeighedTerm] = []
        let weighedAnswer = index.weighed(answer)
        let fixesNumber = ShapeMatch.fixesNumber(around: answer.range, in: index.analysis(position).tokens)
        func consider(_ candidate: QuestionIndex.WeighedTerm, sameShape: Bool = false) -> Bool {
            guard sameShape ? ShapeMatch.compatibleWithinShape(candidate.term, with: answer) : ShapeMatch.compatible(candidate.term, with: answer),
                  !fixesNumber || ShapeMatch.agreeInNumber(candidate.term.text, answer.text),
                  !candidate.overlaps(weighedAnswer),
                  !chosen.contains(where: { $0.overlaps(candidate) }),
                  candidate.stems.isDisjoint(with: visibleStems),
                  // "if let" beside "while let": with no content word, no telling what it holds.
                  !candidate.stems.isEmpty,
                  // "attr(\"true": half of a call or a quotation is no option.
                  !Self.crossesABracket(candidate.term.text), candidate.term.text.filter({ $0 == "\"" }).count % 2 == 0
            else { return false }
            chosen.append(candidate)
            return chosen.count >= limit
        }
        // Read only when a plain one-word term is weighed (`prepare(near:)`).
        var glossary: Set<String>?
        let ownTopic = index.facts[position].topic
        let shape = QuestionIndex.ShapeKey(answer)
        // (A text met again in another topic is weighed again and fails
        // again: cheaper than remembering every text met.)
        // The nearest topics, up to about 300 facts in all: a question's cost
        // does not grow with the deck.
        var factsSeen = 0
        search: for topic in [ownTopic] + index.topicsByDistance(from: ownTopic, limit: 80) {
            if factsSeen > budget { break }
            factsSeen += index.topics[topic].facts.count
            let enough = index.forEachTerm(ofTopic: topic, shape: shape) { candidate in
                let term = candidate.term
                if term.kind == .phrase && term.wordCount == 1 && !term.isCJK && !Self.isSpecificWord(term.text) {
                    let known = glossary ?? index.glossary()
                    glossary = known
                    if candidate.stems.isDisjoint(with: known) { return false }
                }
                // A "Term: definition" label swaps only with a label of the same topic.
                if answer.isDefinedTerm && !(term.isDefinedTerm && topic == ownTopic) { return false }
                // A phrase ("store exist", "allowing customers") stands in only if it is
                // the term its own fact would hide: a phrase worth learning, not a fragment.
                if term.kind == .phrase, let home = candidate.position, keyTermChoice(at: home)?.term.text != term.text { return false }
                // Shown alone, a phrase must read as one where the notes write it: not
                // "name correspond" of "files name correspond to", nor "impressive static" of "… type checks".
                if term.kind == .phrase, term.wordCount >= 2, !term.isCJK, let home = candidate.position,
                   !KeyTermFinder.standsWhole(term.range, tokens: index.analysis(home).tokens) { return false }
                return consider(candidate, sameShape: true)
            }
            if enough { break search }
        }
        if answer.kind == .number && chosen.count < 3 {
            for value in ShapeMatch.madeUpNumbers(like: answer) {
                if consider(index.weighed(value)) { break }
            }
        }
        return chosen.map(\.term)
    }

    /// The term and definition of a "Term: definition" fact, when the
    /// definition does not name the term.
    private func definitionPair(at position: Int) -> (term: String, definition: String)? {
        let analysis = index.analysis(position)
        guard let (term, range) = analysis.definition, !term.isListItem else { return nil }
        let definition = analysis.tokens.string(range).trimmedSpaces()
        let definitionWords = TextTokens(definition).words.count
        guard definitionWords >= 3, definition.count <= 240, Self.namesATerm(term.text),
              // "Rapid elasticity: … scaled up or down rapidly": the term's word shows in its definition.
              !TextEdits.showsAWord(of: definition, in: term.text),
              index.stems(definition).isDisjoint(with: index.stems(term.text)),
              index.stems(definition).isDisjoint(with: index.contextStems(of: position)),
              !Self.sharesCJKPair(definition, with: (index.context(of: position) + [term.text]).joined(separator: "\n")),
              index.stems(term.text).isDisjoint(with: index.contextStems(of: position))
        else { return nil }
        return (term.text, definition)
    }

    /// A Chinese or Japanese "Term - definition" item whose definition
    /// shares a word with the path above it ("**より堅牢なセキュリティ** -
    /// バックエンドサーバーの情報を隠したり…" under "リバースプロキシ(webサーバー)"):
    /// asked with no path shown, so nothing of the answer is in view. The
    /// term must name a thing, not say a sentence: a Japanese predicate
    /// ends in kana of grammar ("スケーラビリティや柔軟性が増します").
    private func cjkDefinitionPairWithoutPath(at position: Int) -> (term: String, definition: String)? {
        let analysis = index.analysis(position)
        // A table's row label ("データストア — システム: HBase…") is no term its cells define.
        guard let (term, range) = analysis.definition, !term.isListItem, Self.tableRow(analysis.plain) == nil else { return nil }
        let definition = analysis.tokens.string(range).trimmedSpaces()
        guard Self.isCJK(definition), TextTokens(definition).words.count >= 3, definition.count <= 240,
              let last = term.text.unicodeScalars.last, !(0x3040...0x309F).contains(last.value),
              !TextEdits.showsAWord(of: definition, in: term.text),
              index.stems(definition).isDisjoint(with: index.stems(term.text)),
              !Self.sharesCJKPair(definition, with: term.text) else { return nil }
        return (term.text, definition)
    }

    /// Whether a label can follow "What is": a name or a short term
    /// ("DynamoDB", "Rapid elasticity", "Infrastructure as a Service"), not
    /// a description with grammar in it ("Database of objects").
    static func namesATerm(_ label: String) -> Bool {
        let words = label.split(separator: " ")
        let grammar = words.filter { WordLists.functionWords.contains($0.lowercased()) }
        guard !grammar.isEmpty else { return true }
        return words.filter { !WordLists.functionWords.contains($0.lowercased()) }.allSatisfy { $0.first?.isUppercase == true }
    }

    private func definitionDistractors(for definition: String, term: String, at position: Int, visible: [String]) -> [String] {
        let termStems = index.stems(term), termKey = index.key(term)
        let length = definition.count
        let cjk = Self.isCJK(definition)
        let own = index.definitionForms(position)?.definition
        var chosen: [QuestionIndex.FactForms] = []
        // A Chinese or Japanese table row ("POST — 詳細: …; 冪等性*: No; …") among its table's other rows only, not rows of another table.
        let ownHeaders = cjk ? Self.tableRow(index.analysis(position).plain)?.cells.map(\.header) : nil
        index.forEachNeighbour(of: position) { other in
            if let ownHeaders, Self.tableRow(index.analysis(other).plain)?.cells.map(\.header) != ownHeaders { return false }
            guard let (otherTermKey, candidate) = index.definitionForms(other) else { return false }
            guard candidate.length * 2 >= length, candidate.length <= length * 2,
                  candidate.isCJK == cjk,
                  otherTermKey != termKey,
                  !(own.map { candidate.overlaps($0) } ?? index.overlap(candidate.text, definition)),
                  candidate.stems.isDisjoint(with: termStems),
                  !chosen.contains(where: { $0.overlaps(candidate) })
            else { return false }
            chosen.append(candidate)
            return chosen.count >= 8
        }
        let texts = chosen.map(\.text)
        // Nearest in length first, so length alone does not give the answer away.
        return texts.sorted { abs($0.count - length) < abs($1.count - length) }
    }

    /// "Which of these is true of Amazon Neptune?": the fact among facts of
    /// the nearest other topics, asked with no path above it (the path would
    /// name the topic's neighbours). The fact must not name its topic, no
    /// option may name its own topic or the one asked about, and none may
    /// say what another fact of the asked topic says.
    ///
    /// A nested fact is asked by the item it is nested under instead ("Which
    /// of these belongs under “Benefits”?"), with the topic path above it.
    private func topicStatement(at position: Int) -> (prompt: String, context: [String], answer: String, distractors: [String])? {
        let entry = index.facts[position]
        let fact = index.fact(at: position)
        let topic = index.topics[entry.topic]
        // A nested fact is asked by its parent item ("SQS:"), which is a subject even under "Summary".
        guard !topic.isGeneric || fact.context != nil else { return nil }
        let answerForms = index.forms(position)
        let answer = answerForms.text
        let answerStems = answerForms.stems
        let cjk = index.analysis(position).tokens.words.contains { $0.kind.isCJK }
        let prompt: String
        let shown: [String]
        let subjectStems: Set<String>
        if let parent = fact.context?.plainText.trimmedSpaces() {
            var label = parent
            while label.hasSuffix(":") || label.hasSuffix("：") { label.removeLast() }
            guard !label.isEmpty, label.count <= 80 else { return nil }
            prompt = cjk ? Self.belongsUnder(label, japanese: Self.isJapanese(answer + label)) : "Which of these belongs under “\(label)”?"
            let path = Question.context(for: topic.path)
            let pathShowsAnswer = Self.labelAsksAlone(label) && !index.stems(path.joined(separator: "\n")).isDisjoint(with: answerStems)
            // The path sets the scene; where it would show a word of the answer
            // ("…randomly generated link" above "Generates a unique url"), a
            // label that says its subject itself asks alone.
            shown = pathShowsAnswer ? [] : path
            subjectStems = pathShowsAnswer ? index.stems(label) : index.stems(label).union(index.stems(topic.title))
        } else {
            prompt = cjk ? Self.belongsUnder(topic.title, japanese: Self.isJapanese(answer + topic.title))
                : "Which of these belongs under “\(topic.title)”?"
            shown = []
            subjectStems = index.stems(topic.title)
        }
        let visibleStems = shown.reduce(into: index.stems(prompt)) { $0.formUnion(index.stems($1)) }
        let titleStems = index.stems(topic.title)
        guard !subjectStems.isEmpty, !answerStems.isEmpty, answerStems.isDisjoint(with: subjectStems),
              answerStems.isDisjoint(with: visibleStems), answer.count <= 200,
              !TextEdits.showsAWord(of: answer, in: ([prompt] + shown).joined(separator: "\n")),
              !Self.sharesCJKPair(answer, with: ([prompt] + shown).joined(separator: "\n")) else { return nil }
        // What else the subject holds: a distractor saying the same would be right too.
        let ownFacts = topic.facts.filter { index.fact(at: $0).context == fact.context }.map { index.forms($0) }
        let answerLength = answerForms.length
        var chosen: [QuestionIndex.FactForms] = []
        // Other branches first; siblings only when the post has too few branches.
        // A nested fact: first the items nested under the other parents of its own topic ("SNS:" beside "SQS:").
        let ownTopicFirst = fact.context != nil ? [entry.topic] : []
        let answerIsNoRow = Self.tableRow(answer) == nil
        for siblingsAllowed in [false, true] where chosen.count < 3 {
        var factsSeen = 0
        for other in ownTopicFirst + index.topicsByDistance(from: entry.topic, limit: 40) {
            if factsSeen > 300 { break }
            let otherTopic = index.topics[other]
            let isOwn = other == entry.topic
            if isOwn && siblingsAllowed { continue }
            factsSeen += otherTopic.facts.count
            // A sibling topic's statement often holds for this one too ("DynamoDB"
            // beside "NoSQL Databases"): take statements from other branches.
            let sibling = otherTopic.path.dropLast() == topic.path.dropLast() && topic.path.count > 2
            let nested = otherTopic.path.starts(with: topic.path) || topic.path.starts(with: otherTopic.path)
            guard isOwn || !otherTopic.isGeneric, isOwn || !sibling || siblingsAllowed, isOwn || !nested, otherTopic.deck == topic.deck,
                  isOwn || !index.overlap(otherTopic.title, topic.title) else { continue }
            let otherTitleStems = isOwn ? [] : index.stems(otherTopic.title)
            var takenHere = 0
            for candidatePosition in otherTopic.facts
            where (index.fact(at: candidatePosition).context == nil) == (fact.context == nil) {
                let candidateParent = index.fact(at: candidatePosition).context
                // In its own topic, an item under another parent, which must not name that parent or this one.
                if isOwn {
                    guard let candidateParent, candidateParent != fact.context,
                          !index.overlap(candidateParent.plainText, fact.context?.plainText ?? "") else { continue }
                }
                let candidate = index.forms(candidatePosition)
                let text = candidate.text, stems = candidate.stems
                if isOwn && !index.stems(candidateParent?.plainText ?? "").isDisjoint(with: stems) { continue }
                if text.hasSuffix(":") || text.hasSuffix("：") || text.hasSuffix("?") || text.hasSuffix("？") || Self.hasAHole(text) { continue }
                // Of the answer's form: a table row among rows, a sentence among sentences.
                guard candidate.isCJK == cjk, !stems.isEmpty, candidate.length * 2 >= answerLength, candidate.length <= answerLength * 2,
                      (Self.tableRow(text) == nil) == answerIsNoRow,
                      !cjk || Self.cjkShape(text) == Self.cjkShape(answer),
                      stems.isDisjoint(with: titleStems), stems.isDisjoint(with: otherTitleStems),
                      stems.isDisjoint(with: subjectStems), stems.isDisjoint(with: visibleStems),
                      !ownFacts.contains(where: { $0.overlaps(candidate) }),
                      !chosen.contains(where: { $0.overlaps(candidate) }),
                      candidate.key != answerForms.key
                else { continue }
                chosen.append(candidate)
                takenHere += 1
                // One statement per topic, so four topics are in play; in its own, one per other parent.
                if !isOwn { break }
                if takenHere >= 3 { break }
            }
            if chosen.count >= 6 { break }
        }
        }
        guard chosen.count >= 3 else { return nil }
        return (prompt, shown, answer, chosen.map(\.text))
    }

    /// Whether a parent item names its subject without the path above it:
    /// three words or more, not a catch-all ("The Write API server does the
    /// following"; not "Benefits" or "Expiration", which need their path).
    static func labelAsksAlone(_ label: String) -> Bool {
        !isCJK(label) && TextTokens(label).words.count >= 3 && !QuestionIndex.isGeneric(label)
    }

    /// A nested fact under a short label ("SQS:" → "Queue service in AWS"):
    /// the fact with the label's words masked, the label, and the labels of
    /// other items of its topic and the nearest ones (parents of nested
    /// items, or terms that "Term: definition" items define at the parent's
    /// level), none naming the same thing, none showing in the prompt or path.
    private func whichLabel(at position: Int) -> (masked: String, label: String, others: [String])? {
        let fact = index.fact(at: position)
        guard var label = fact.context?.plainText.trimmedSpaces() else { return nil }
        while label.hasSuffix(":") || label.hasSuffix("：") { label.removeLast() }
        let labelWords = TextTokens(label).words.count
        let pathStems = index.stems(Question.context(for: index.topics[index.facts[position].topic].path).joined(separator: " "))
        guard (1...5).contains(labelWords), label.count <= 40, !index.stems(label).isEmpty,
              index.stems(label).isDisjoint(with: pathStems), let masked = masking(label, at: position),
              !Self.sharesCJKPair(label, with: masked) else { return nil }
        let cjk = Self.isCJK(label)
        let promptStems = index.stems(masked).union(pathStems)
        var others: [String] = []
        let own = index.facts[position].topic
        for topic in [own] + index.topicsByDistance(from: own, limit: 10) {
            for other in index.topics[topic].facts {
                let otherFact = index.fact(at: other)
                var candidates: [String] = []
                if var parent = otherFact.context?.plainText.trimmedSpaces() {
                    while parent.hasSuffix(":") || parent.hasSuffix("：") { parent.removeLast() }
                    candidates.append(parent)
                }
                if otherFact.depth == fact.depth - 1, let (term, _) = index.analysis(other).definition { candidates.append(term.text) }
                for candidate in candidates {
                    // Of the label's shape: as many words, give or take one, and its script.
                    let words = TextTokens(candidate).words.count
                    guard (1...6).contains(words), abs(words - labelWords) <= 1, candidate.count <= 40, Self.isCJK(candidate) == cjk,
                          ShapeMatch.looksLikeCode(candidate) == ShapeMatch.looksLikeCode(label),
                          !index.overlap(candidate, label), !others.contains(where: { index.overlap($0, candidate) }),
                          index.stems(candidate).isDisjoint(with: promptStems), !index.stems(candidate).isEmpty
                    else { continue }
                    others.append(candidate)
                }
            }
            if others.count >= 6 { break }
        }
        guard others.count >= 3 else { return nil }
        return (masked, label, others)
    }

    /// A fact under a catch-all heading ("Misc", "Summary") asked by the
    /// section that heading belongs to ("Version 1.17.0 (2017-04-27)"): the
    /// fact with the section's words masked, the section's title, and the
    /// titles of the nearest other sections of the same level, none generic,
    /// none naming the same thing, none showing in the fact.
    private func whichSection(at position: Int) -> (masked: String, section: String, others: [String])? {
        let own = index.facts[position].topic
        let path = index.topics[own].path
        // Deck › section › catch-all: the deck's own title is no section.
        guard path.count >= 3 else { return nil }
        let section = path[path.count - 2]
        let words = section.split(separator: " ").count
        guard !QuestionIndex.isGeneric(section), (1...8).contains(words), section.count <= 60,
              let masked = masking(section, at: position) else { return nil }
        let promptStems = index.stems(masked)
        let cjk = Self.isCJK(section)
        var others: [String] = []
        for near in index.topicsByDistance(from: own, limit: 60) {
            let other = index.topics[near]
            // The title at the section's level: a section's own, or the one above a catch-all like this.
            let candidate: String
            if other.path.count == path.count - 1 { candidate = other.title }
            else if other.path.count == path.count, other.path.dropLast(2) == path.dropLast(2) { candidate = other.path[path.count - 2] }
            else { continue }
            guard other.deck == index.topics[own].deck, candidate != section, !QuestionIndex.isGeneric(candidate),
                  candidate.split(separator: " ").count <= 8, Self.isCJK(candidate) == cjk,
                  !index.overlap(candidate, section), !others.contains(where: { index.overlap($0, candidate) }),
                  !index.stems(candidate).isEmpty, index.stems(candidate).isDisjoint(with: promptStems) else { continue }
            others.append(candidate)
            if others.count == 8 { break }
        }
        guard others.count >= 3 else { return nil }
        return (masked, section, others)
    }

    /// Three other topics, nearest first, none generic, none sharing the
    /// answer's name or each other's, none whose words show in the prompt.
    private func topicDistractors(for topicIndex: Int, asking position: Int, prompt: String,
                                  using random: inout SeededRandom) -> [String] {
        let own = index.topics[topicIndex]
        let promptStems = index.stems(prompt)
        // "componentWillReceiveProps()" listed under two headings: both would
        // be right. Only a short item repeats word for word; the lengths are
        // compared before any text is made (a dense deck has 3,000 facts in reach).
        func length(_ fact: Fact) -> Int { fact.text.plainUTF8Count }
        let asked = index.fact(at: position)
        let askedLength = length(asked)
        let factKey = askedLength <= 60 ? OptionForms.key(asked.text.plainText) : nil
        // "1 KB content per paste": a measure belongs where measures are;
        // "Calculate usage" among headings that hold no number is the answer by its shape.
        // A number in an aside is a detail of the statement asked, not its
        // measure: "Oldest AWS offering (over 10 years old)" is asked among
        // any headings (a heading holding such a detail still holds measures).
        func isMeasure(_ position: Int, countingAsides: Bool = true) -> Bool {
            guard index.fact(at: position).text.plainText.utf8.contains(where: { (0x30...0x39).contains($0) }) else { return false }
            let analysis = index.analysis(position)
            return analysis.candidates.contains {
                $0.kind == .number && $0.unit != nil && (countingAsides || !TextEdits.isInsideParentheses($0.range, in: analysis.tokens))
            }
        }
        let askedIsMeasure = isMeasure(position, countingAsides: false)
        // Such a statement is then asked among headings of any kind, but not
        // one whose facts say two of its words in a row: "Low latency (<10 ms
        // on publish and receive)" of SQS may be true of Kinesis ("low
        // latency streaming") as well.
        let askedPairs = !askedIsMeasure && isMeasure(position) ? Self.contentPairs(index.analysis(position).tokens) : []
        let askedOpening = Self.latinOpening(ofCJK: asked.text.plainText)
        func alsoHolds(_ topic: QuestionIndex.TopicEntry) -> Bool {
            if let askedOpening, topic.facts.contains(where: { other in
                index.fact(at: other).text.withPlainUTF8 { $0.starts(with: askedOpening.utf8) }
            }) { return true }
            if let factKey, topic.facts.contains(where: { other in
                let fact = index.fact(at: other)
                return abs(length(fact) - askedLength) <= 8 && OptionForms.key(fact.text.plainText) == factKey
            }) { return true }
            return !askedPairs.isEmpty && topic.facts.contains { !Self.contentPairs(index.analysis($0).tokens).isDisjoint(with: askedPairs) }
        }
        func holdsMeasures(_ topic: QuestionIndex.TopicEntry) -> Bool { topic.facts.contains { isMeasure($0) } }
        var chosen: [String] = []
        // Headings of the answer's level first: "Libraries" among "Version
        // 1.8.0" headings stands out. A level above or below only when too
        // few are found, and never for a title with a number ("Version
        // 1.8.0", "Step 3") or beside one.
        let hasNumber = own.title.contains(where: \.isNumber)
        for levels in [0, 1] where chosen.count < 3 {
            for other in index.topicsByDistance(from: topicIndex, limit: 60) {
                let topic = index.topics[other]
                // Neither a heading above the answer nor one below it: both would be right.
                let nested = topic.path.starts(with: own.path) || own.path.starts(with: topic.path)
                let levelApart = abs(topic.path.count - own.path.count)
                guard levels == 0 ? levelApart == 0 : levelApart == 1 && !hasNumber && !topic.title.contains(where: \.isNumber),
                      !topic.isGeneric, topic.holdsStatements, !nested, topic.deck == own.deck,
                      Self.isCJK(topic.title) == Self.isCJK(own.title),
                      !index.overlap(topic.title, own.title),
                      !chosen.contains(where: { index.overlap($0, topic.title) }),
                      index.stems(topic.title).isDisjoint(with: promptStems), !alsoHolds(topic), !askedIsMeasure || holdsMeasures(topic)
                else { continue }
                chosen.append(topic.title)
                if chosen.count == 8 { break }
            }
        }
        random.shuffle(&chosen)
        return Array(chosen.prefix(3))
    }

    /// Every two words in a row that are not grammar, by their stems
    /// ("low latency"): what two statements share when they say the same.
    /// Latin words only.
    static func contentPairs(_ tokens: TextTokens) -> Set<String> {
        var pairs: Set<String> = []
        var previous: String?
        for word in tokens.words {
            let text = tokens.string(word.range).lowercased()
            guard !word.kind.isCJK, word.kind != .number, !WordLists.grammarWords.contains(text) else { previous = nil; continue }
            let stem = OptionForms.stem(text)
            if let previous { pairs.insert(previous + " " + stem) }
            previous = stem
        }
        return pairs
    }

    /// The fact with the words of its topic's title masked: every token whose
    /// stem is a title word's (so "groups" for "Group", "S3" for "S3"), and in
    /// Chinese and Japanese every word sharing two characters with the title.
    /// Nil when too little would be left to read.
    private func maskingTitle(of topicIndex: Int, at position: Int) -> String? {
        masking(index.topics[topicIndex].title, at: position)
    }

    /// The fact with the words of `title` masked (see `maskingTitle`).
    private func masking(_ title: String, at position: Int) -> String? {
        let analysis = index.analysis(position)
        // "欠点: federation" over "フェデレーションでは…": a Latin word of the
        // title may stand in the fact in katakana, which no mask can find.
        let unglossed = Self.withoutGloss(title)
        if Self.hasSpellableLatinWord(unglossed), Self.hasKatakanaWord(analysis.plain) { return nil }
        // "CDNが処理してくれる…" under "…(Content delivery network)": the gloss spells the fact's abbreviation.
        if unglossed != title {
            let latinRuns = analysis.plain.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }.joined(separator: " ")
            if Self.spellsOut(latinRuns, String(title.dropFirst(unglossed.count))) { return nil }
        }
        let titleTokens = TextTokens(title)
        var titleStems: Set<String> = []
        var titleCJK: [String] = []
        for word in titleTokens.words {
            let text = titleTokens.string(word.range).lowercased()
            // Every word of the title but grammar: "One" in "One-Hot Encoding" too.
            if word.kind.isCJK { titleCJK.append(text) } else if !Self.titleGrammar.contains(text) {
                titleStems.insert(OptionForms.stem(text))
            }
        }
        let titleCharacters = title.lowercased()
        var masked: [Range<Int>] = []
        for word in analysis.tokens.words {
            let text = analysis.tokens.string(word.range).lowercased()
            if word.kind.isCJK {
                // Particles (の, を, する) tell nothing of the title and stay.
                let isGrammar = text.count < 2 || text.unicodeScalars.allSatisfy { (0x3040...0x309F).contains($0.value) }
                    || WordLists.cjkFunctionWords.contains(text)
                if !isGrammar, titleCJK.contains(text) || TextEdits.sharesTwoCharacters(text, with: titleCharacters) {
                    masked.append(word.range)
                }
            } else if titleStems.contains(OptionForms.stem(text))
                        || text.split(whereSeparator: { $0 == "." || $0 == "_" }).contains(where: { titleStems.contains(OptionForms.stem(String($0))) }) {
                // "this.props.reactProp" shows "props" too; "user-supplied" is masked whole.
                masked.append(TextEdits.hyphenatedWord(around: word.range, in: analysis.tokens))
            }
        }
        // A masked CJK word inside a longer run of its script ("シャー|ド") takes the run with it.
        masked = TextEdits.mergedRuns(masked.map { TextEdits.sameScriptRun(around: $0, in: analysis.tokens) })
        let prompt = TextEdits.replacing(masked, in: analysis.tokens, with: Question.mask)
        // Short facts may be asked too ("render()": which topic lists it?), as
        // long as the mask hides at most half and something is left to read.
        let content = index.stems(prompt)
        guard masked.count * 2 <= analysis.tokens.words.count, !content.isEmpty else { return nil }
        return prompt
    }

    /// Title words left visible: they tell nothing of the topic.
    private static let titleGrammar: Set<String> = [
        "a", "an", "the", "of", "in", "on", "for", "to", "and", "or", "vs", "with", "by", "at", "from", "as", "is",
        "are", "how", "what", "why", "when", "which", "its", "your", "into", "&",
    ]

    // MARK: - True or false

    /// False versions of the fact that are surely false.
    private func falseStatements(at position: Int) -> [String] {
        let analysis = index.analysis(position)
        let plain = analysis.plain
        let words = analysis.tokens.words
        // A fragment ("Lustre charges by:") is no statement.
        let trimmed = plain.trimmedSpaces()
        guard words.count >= 4, !trimmed.hasSuffix(":"), !trimmed.hasSuffix("："), !trimmed.hasSuffix("?"),
              !trimmed.hasSuffix("？") else { return [] }
        var versions: [String] = []
        // A row of a two-column comparison with its cells swapped: surely false.
        if let swapped = swappedComparison(at: position) ?? swappedCells(at: position) ?? swappedUnnamedColumn(at: position) {
            return [swapped]
        }
        if let swapped = swappedContrast(at: position) ?? swappedAsides(at: position) { return [swapped] }
        if let negated = Negation.flipped(analysis.tokens) ?? Negation.inserted(analysis.tokens) { versions.append(negated) }
        // "X is unsuitable for Y" stays true of most other Y: swaps only in positive statements.
        if Negation.isNegative(analysis.tokens) {
            return versions.filter { TextTokens($0).words.count >= 4 || Self.isCJK($0) }
        }
        // The first two terms that can be swapped are enough for a false version or two.
        var tried = 0
        // A table row's first cell names what the row compares ("サインアップ —
        // RPC: POST /signup"): swapped, the row contradicts itself at a glance.
        var rowHeaderEnd = 0
        if let dash = plain.utf16.firstRange(of: " — ".utf16), plain.contains(": ") {
            rowHeaderEnd = plain.utf16.distance(from: plain.utf16.startIndex, to: dash.lowerBound)
        }
        // A column's name ("RabbitMQ", or "MQ" of "ActiveMQ") is the table's scaffolding: swapped in a cell it says nothing.
        let columnNames = Self.tableRow(plain)?.cells.map { $0.header.lowercased() } ?? []
        for term in analysis.candidates where !term.isListItem && term.kind != .phrase && term.range.lowerBound >= rowHeaderEnd {
            if columnNames.contains(where: { $0.contains(term.text.lowercased()) }) { continue }
            if tried == 2 { break }
            tried += 1
            if term.kind == .number, let before = TextEdits.wordBefore(term.range, in: analysis.tokens),
               WordLists.boundWords.contains(before.lowercased()) { continue }
            // "GET /persons/1234": an id in a path or query is an example's value; another is as true.
            if term.kind == .number, Self.isInsideAPath(term.range, in: analysis.tokens) { continue }
            let factStems = index.forms(position).stems
            // "Web Hosting: … Web Hosting strategies": a label repeated in its body would be swapped twice.
            if term.isDefinedTerm && TextEdits.occurrences(of: term.text, in: analysis.tokens).count > 1 { continue }
            // "Google App Engine (GCP)": an aside, often one of a list; another may be just as true.
            if TextEdits.occurrences(of: term.text, in: analysis.tokens).contains(where: { TextEdits.isInsideParentheses($0, in: analysis.tokens) }) {
                continue
            }
            let swaps = distractors(for: term, at: position, visible: [plain] + index.context(of: position), limit: 2, budget: 100)
            for swap in swaps.prefix(2) where index.stems(swap.text).isDisjoint(with: factStems)
                && !namesBroaderKind(swap.text, of: term.text, at: position) {
                let ranges = TextEdits.occurrences(of: term.text, in: analysis.tokens)
                let statement = TextEdits.replacing(ranges, in: analysis.tokens, with: swap.text)
                if statement != plain && !TextEdits.repeatsAWord(statement) { versions.append(statement) }
            }
            if versions.count >= 3 { break }
        }
        // A statement of under four words ("Default setting expires") is a fragment.
        return versions.filter { TextTokens($0).words.count >= 4 || Self.isCJK($0) }
    }

    /// Whether a swap for a true/false names the kind the term is one of,
    /// so the "false" version stays true: a word for a kind of thing
    /// (`WordLists.kindWords`: "RPCをデバッグするのは難しい" → "APIを…", RPC
    /// being an API), or a word of the path above the fact that the term is
    /// not (under "Caching", "Redis" → "Caching").
    private func namesBroaderKind(_ swap: String, of term: String, at position: Int) -> Bool {
        let lowered = swap.lowercased()
        // "APIs", "services": the plural names the kind as well.
        let singular = lowered.count > 3 && lowered.hasSuffix("s") ? String(lowered.dropLast()) : lowered
        if WordLists.kindWords.contains(lowered) || WordLists.kindWords.contains(singular) { return true }
        let swapStems = index.stems(swap), pathStems = index.contextStems(of: position)
        return !swapStems.isEmpty && swapStems.isSubset(of: pathStems) && index.stems(term).isDisjoint(with: pathStems)
    }

    /// A row of a two-column comparison table ("Flux: State is mutable —
    /// Redux: State is immutable", as the loader writes a row) with its two
    /// cells swapped. Only when the topic has another row with the same two
    /// headers (it is a table, not a sentence with a dash), the cells are
    /// statements of a few words or more, and they say different things.
    private func swappedComparison(at position: Int) -> String? {
        func row(_ text: String) -> (left: String, leftCell: String, right: String, rightCell: String)? {
            let halves = text.split(separator: " — ", omittingEmptySubsequences: false)
            guard halves.count == 2 else { return nil }
            let left = halves[0].split(separator: ": ", maxSplits: 1), right = halves[1].split(separator: ": ", maxSplits: 1)
            guard left.count == 2, right.count == 2, !right[1].contains("; ") else { return nil }
            return (String(left[0]), String(left[1]).trimmedSpaces(), String(right[0]), String(right[1]).trimmedSpaces())
        }
        let plain = index.analysis(position).plain
        guard let own = row(plain), own.left != own.right,
              TextTokens(own.leftCell).words.count >= 2, TextTokens(own.rightCell).words.count >= 2,
              !index.overlap(own.leftCell, own.rightCell) else { return nil }
        // "React: In React, data flows one way": a cell naming a column shows the swap.
        let headers = index.stems(own.left).union(index.stems(own.right))
        guard index.stems(own.leftCell).isDisjoint(with: headers), index.stems(own.rightCell).isDisjoint(with: headers) else { return nil }
        let topic = index.topics[index.facts[position].topic]
        let isTable = topic.facts.contains { other in
            guard other != position, let sibling = row(index.analysis(other).plain) else { return false }
            return sibling.left == own.left && sibling.right == own.right
        }
        guard isTable else { return nil }
        return "\(own.left): \(own.rightCell) — \(own.right): \(own.leftCell)"
    }

    /// A row of a table as the loader writes it ("时效性 — ActiveMQ: ms 级;
    /// RabbitMQ: 微秒级…"): the first cell, and each other cell with its
    /// column's header. Nil for text of another shape.
    static func tableRow(_ text: String) -> (label: String, cells: [(header: String, cell: String)])? {
        // Most texts have no " — " at all: found by bytes before any split
        // (a "belongs under" question weighs 300 statements this way).
        guard text.containsBytes(" — ") else { return nil }
        let halves = text.split(separator: " — ", maxSplits: 1, omittingEmptySubsequences: false)
        guard halves.count == 2 else { return nil }
        let label = String(halves[0]).trimmedSpaces()
        var cells: [(header: String, cell: String)] = []
        for part in halves[1].split(separator: "; ", omittingEmptySubsequences: false) {
            let pair = part.split(separator: ": ", maxSplits: 1, omittingEmptySubsequences: false)
            guard pair.count == 2, !pair[0].isEmpty, !String(pair[1]).trimmedSpaces().isEmpty else { return nil }
            cells.append((String(pair[0]), String(pair[1]).trimmedSpaces()))
        }
        guard !label.isEmpty, !label.contains(": "), !cells.isEmpty else { return nil }
        return (label, cells)
    }

    /// The other rows of the fact's table: facts of its topic written as
    /// rows with the same column headers (a table, not a sentence with a dash).
    private func sameTableRows(at position: Int) -> [(position: Int, label: String, cells: [(header: String, cell: String)])] {
        guard let own = Self.tableRow(index.analysis(position).plain) else { return [] }
        let headers = own.cells.map(\.header)
        return index.topics[index.facts[position].topic].facts.compactMap { other in
            guard other != position, let row = Self.tableRow(index.analysis(other).plain), row.cells.map(\.header) == headers else { return nil }
            return (other, row.label, row.cells)
        }
    }

    /// Three options of `pool`, the first three that do not leave the answer
    /// the odd one out by its shape: "Data Store" among "Definition",
    /// "Programming" and "Performance" is the one of two words (in Chinese
    /// and Japanese, of its number of characters), and an answer more than
    /// twice as long or short as all the others stands out too. Nil when no
    /// three will do.
    static func threeNotSinglingOut(_ answer: String, from pool: [String]) -> [String]? {
        func size(_ text: String) -> Int { isCJK(text) ? text.count : text.split(separator: " ").count }
        func singlesOut(_ three: [String]) -> Bool {
            let sizes = Set(three.map(size))
            if sizes.count == 1 && sizes.first != size(answer) { return true }
            return three.allSatisfy { $0.count * 2 < answer.count } || three.allSatisfy { $0.count > answer.count * 2 }
        }
        guard pool.count >= 3 else { return nil }
        for first in 0..<(pool.count - 2) {
            for second in (first + 1)..<(pool.count - 1) {
                for third in (second + 1)..<pool.count where !singlesOut([pool[first], pool[second], pool[third]]) {
                    return [pool[first], pool[second], pool[third]]
                }
            }
        }
        return nil
    }

    /// A table's row with its label blanked ("_____ — ActiveMQ: ms 级;
    /// RabbitMQ: 微秒级…"), the label, and the labels of the table's other
    /// rows as options: one closed set, so no option is a synonym of the
    /// answer nor of another shape. Nil when a word of the label shows in
    /// the cells or the path, or the table has under four rows.
    private func rowLabelChoice(at position: Int) -> (prompt: String, label: String, others: [String])? {
        let plain = index.analysis(position).plain
        guard let own = Self.tableRow(plain), TextTokens(own.label).words.count <= 6, own.label.count <= 40,
              !QuestionIndex.isGeneric(own.label) else { return nil }
        let labelStems = index.stems(own.label)
        func showsLabel(_ prompt: String) -> Bool {
            let visible = ([prompt] + index.context(of: position)).joined(separator: "\n")
            return !labelStems.isDisjoint(with: index.stems(visible)) || TextEdits.showsAWord(of: own.label, in: visible)
                || Self.sharesCJKPair(own.label, with: visible)
        }
        var prompt = Question.blank + plain.dropFirst(own.label.count)
        // A row that says its label again ("单机吞吐量 — …RocketMQ: 10 万级，支撑高吞吐")
        // is asked with those words masked in its cells, as which-topic masks
        // a title: "_____ — …RocketMQ: 10 万级，支撑高[…]".
        let masked = showsLabel(prompt)
        if masked {
            guard let maskedRow = masking(own.label, at: position), let dash = maskedRow.utf16.firstRange(of: " — ".utf16),
                  let maskedCells = Self.tableRow(maskedRow)?.cells, maskedCells.count == own.cells.count else { return nil }
            // Every cell keeps half of itself or more: "ActiveMQ: MQ […]" (of
            // "MQ 领域的功能极其完备") says nothing left to tell the row by.
            for (cell, maskedCell) in zip(own.cells, maskedCells) {
                let kept = maskedCell.cell.split(separator: Question.mask).joined().count
                guard kept * 2 >= cell.cell.count else { return nil }
            }
            prompt = Question.blank + String(maskedRow[dash.lowerBound...])
        }
        guard !labelStems.isEmpty, !showsLabel(prompt) else { return nil }
        var others: [String] = []
        for row in sameTableRows(at: position) {
            let words = TextTokens(row.label).words.count
            guard (1...6).contains(words), row.label.count <= 40, Self.isCJK(row.label) == Self.isCJK(own.label),
                  !QuestionIndex.isGeneric(row.label),
                  !index.overlap(row.label, own.label), !others.contains(where: { index.overlap($0, row.label) }),
                  !index.stems(row.label).isEmpty else { continue }
            // Beside a masked label, no option that shares a word with it
            // ("topic 数量对吞吐量的影响" for 单机吞吐量): the masks would fit it as well.
            if masked && (!index.stems(row.label).isDisjoint(with: labelStems) || Self.sharesCJKPair(row.label, with: own.label)) { continue }
            others.append(row.label)
        }
        guard others.count >= 3 else { return nil }
        return (prompt, own.label, others)
    }

    /// A "Term: definition" item whose term shows in its own definition
    /// ("Directory Services: integrate Microsoft Active Directory in AWS"),
    /// asked by its term with the term's words masked in the definition, as
    /// a table row is asked by its label: "_____: integrate Microsoft Active
    /// […] in AWS" → Directory Services, the terms the other items of its
    /// list define as options (Organizations, Cognito, Single Sign-On (SSO)).
    /// The blank hides what the item names, the masks what would spell it;
    /// the definition keeps two thirds of itself or more. Nil when fewer
    /// than three other items of the list define a term, or an option's
    /// word shows in the prompt or shares one with the term.
    private func definedTermChoice(at position: Int) -> (prompt: String, label: String, others: [String])? {
        let analysis = index.analysis(position)
        guard let (term, range) = analysis.definition, !term.isListItem, !term.isCJK,
              (1...5).contains(term.wordCount), term.text.count <= 40,
              let masked = masking(term.text, at: position), let colon = masked.utf16.firstRange(of: ": ".utf16) else { return nil }
        let definition = analysis.tokens.string(range).trimmedSpaces()
        let maskedDefinition = String(masked[colon.upperBound...]).trimmedSpaces()
        // Masks where the term's words were, and most of the definition left to read.
        let kept = maskedDefinition.split(separator: Question.mask).joined()
        let keptTokens = TextTokens(kept)
        let keptWords = keptTokens.words.filter { !WordLists.functionWords.contains(keptTokens.string($0.range).lowercased()) }
        guard maskedDefinition.contains(Question.mask), kept.count * 3 >= definition.count * 2, keptWords.count >= 3,
              Self.masksStandAlone(maskedDefinition) else { return nil }
        let prompt = Question.blank + ": " + maskedDefinition
        let termStems = index.stems(term.text)
        let visible = ([prompt] + index.context(of: position)).joined(separator: "\n")
        guard !termStems.isEmpty, termStems.isDisjoint(with: index.stems(visible)), !TextEdits.showsAWord(of: term.text, in: visible),
              !Self.spellsOut(term.text, visible) else { return nil }
        let fact = index.fact(at: position)
        let promptStems = index.stems(visible)
        var others: [String] = []
        for other in index.topics[index.facts[position].topic].facts where other != position {
            guard index.fact(at: other).context == fact.context, let (otherTerm, _) = index.analysis(other).definition,
                  !otherTerm.isListItem, otherTerm.isCJK == term.isCJK else { continue }
            let label = otherTerm.text
            guard (1...5).contains(TextTokens(label).words.count), label.count <= 40, !index.stems(label).isEmpty,
                  !index.overlap(label, term.text), index.stems(label).isDisjoint(with: termStems),
                  index.stems(label).isDisjoint(with: promptStems), !others.contains(where: { index.overlap($0, label) })
            else { continue }
            others.append(label)
        }
        guard others.count >= 3 else { return nil }
        return (prompt, term.text, others)
    }

    /// Whether every mask of the text stands where a whole word stood, not
    /// in a name joined to more ("[…]::io" of "std::io", "[…]!" of the
    /// macro "fourcc!"): there the rest of the name spells the masked word.
    static func masksStandAlone(_ text: String) -> Bool {
        let pieces = text.split(separator: Question.mask, omittingEmptySubsequences: false)
        for (number, piece) in pieces.enumerated() {
            if number > 0, let after = piece.first, !" ,.;)".contains(after) { return false }
            if number < pieces.count - 1, let before = piece.last, !" (".contains(before) { return false }
        }
        return true
    }

    /// A row of a table of two columns besides its label ("Performance —
    /// Redux: Need to be improved; MobX: Provides better performance") with
    /// the two cells swapped: surely false when the cells say different
    /// things and neither names a column.
    private func swappedCells(at position: Int) -> String? {
        guard let own = Self.tableRow(index.analysis(position).plain), own.cells.count == 2,
              !sameTableRows(at: position).isEmpty else { return nil }
        let (left, right) = (own.cells[0], own.cells[1])
        let cjk = Self.isCJK(left.cell + right.cell)
        guard left.header != right.header, cjk || (TextTokens(left.cell).words.count >= 2 && TextTokens(right.cell).words.count >= 2),
              !index.overlap(left.cell, right.cell), OptionForms.key(left.cell) != OptionForms.key(right.cell) else { return nil }
        let headers = index.stems(left.header).union(index.stems(right.header))
        guard index.stems(left.cell).isDisjoint(with: headers), index.stems(right.cell).isDisjoint(with: headers),
              !left.cell.contains(right.header), !right.cell.contains(left.header) else { return nil }
        // Two columns of one kind ("Redux" and "MobX"), not a name beside its
        // reference ("システム: Storm …; 参考ページ: slideshare.net"): swapped, those
        // would be false by their shape alone.
        func isAddress(_ text: String) -> Bool {
            !text.contains(" ") && text.contains(".") && text.contains(where: \.isLetter) && !Self.isCJK(text)
        }
        guard isAddress(left.cell) == isAddress(right.cell),
              ShapeMatch.looksLikeCode(left.cell) == ShapeMatch.looksLikeCode(right.cell),
              min(left.cell.count, right.cell.count) * 3 >= max(left.cell.count, right.cell.count) else { return nil }
        return "\(own.label) — \(left.header): \(right.cell); \(right.header): \(left.cell)"
    }

    /// A row of a two-column table whose first column has no header in the
    /// row as the loader writes it ("Updates are slow — Virtual DOM: Updates
    /// are fast": Real DOM's cell, then Virtual DOM's), with its two cells
    /// swapped: "Updates are fast — Virtual DOM: Updates are slow". Surely
    /// false when the topic has another row with the same one header (a
    /// table, not a sentence with a dash), both cells are statements of
    /// three words or more (not a name and its description), of like
    /// length, and they say different things.
    private func swappedUnnamedColumn(at position: Int) -> String? {
        guard let own = Self.tableRow(index.analysis(position).plain), own.cells.count == 1 else { return nil }
        let left = own.label, right = own.cells[0]
        // The loader names the first cell by its header when it is a sentence
        // ("Real DOM: DOM manipulation is very expensive. — Virtual DOM: …"):
        // such a row beside this one names the column this cell is in.
        var isTable = false
        var firstHeader: String?
        for other in index.topics[index.facts[position].topic].facts where other != position {
            let halves = index.analysis(other).plain.split(separator: " — ", maxSplits: 1, omittingEmptySubsequences: false)
            guard halves.count == 2, halves[1].hasPrefix(right.header + ": ") else { continue }
            isTable = true
            let named = halves[0].split(separator: ": ", maxSplits: 1)
            if named.count == 2, named[0] != Substring(right.header), TextTokens(String(named[0])).words.count <= 4 {
                firstHeader = String(named[0])
            }
        }
        guard !Self.isCJK(left + right.cell), TextTokens(left).words.count >= 3, TextTokens(right.cell).words.count >= 3,
              !Self.isAName(left), !Self.isAName(right.cell),
              // "Updates are slow" and "Updates are fast" differ by a word: neither holds the other.
              !OptionForms.nested(index.stems(left), index.stems(right.cell)), OptionForms.key(left) != OptionForms.key(right.cell),
              index.stems(left).isDisjoint(with: index.stems(right.header)),
              index.stems(right.cell).isDisjoint(with: index.stems(right.header)),
              ShapeMatch.looksLikeCode(left) == ShapeMatch.looksLikeCode(right.cell),
              min(left.count, right.cell.count) * 3 >= max(left.count, right.cell.count), isTable else { return nil }
        return (firstHeader.map { "\($0): " } ?? "") + "\(right.cell) — \(right.header): \(left)"
    }

    /// A sentence of two contrasted clauses that say the same words but one
    /// ("AWS handles security of the cloud, while customers manage security
    /// in the cloud"), with those two words swapped: "AWS handles security
    /// in the cloud, while customers manage security of the cloud". Surely
    /// false: "while" or "whereas" sets the clauses against each other at
    /// that word. Only when the word that differs sits inside the run the
    /// clauses share (a shared word before it and after it), and neither
    /// clause is negated.
    private func swappedContrast(at position: Int) -> String? {
        Self.swappedContrastText(index.analysis(position).plain)
    }

    /// `swappedContrast(at:)` on the text itself.
    static func swappedContrastText(_ plain: String) -> String? {
        guard let joint = plain.utf16.firstRange(of: ", while ".utf16) ?? plain.utf16.firstRange(of: ", whereas ".utf16) else { return nil }
        let first = TextTokens(String(plain[..<joint.lowerBound])), second = TextTokens(String(plain[joint.upperBound...]))
        guard !Negation.isNegative(first), !Negation.isNegative(second) else { return nil }
        let firstWords = first.words.map { first.string($0.range).lowercased() }
        let secondWords = second.words.map { second.string($0.range).lowercased() }
        // The ends of the two clauses, word by word from the last.
        var differing: Int?
        var shared = 0
        for back in 1...min(firstWords.count, secondWords.count) {
            if firstWords[firstWords.count - back] == secondWords[secondWords.count - back] { shared += 1; continue }
            if differing != nil { break }
            differing = back
        }
        guard let back = differing, back > 1, shared >= back else { return nil }
        let firstRange = first.words[first.words.count - back].range, secondRange = second.words[second.words.count - back].range
        let firstWord = first.string(firstRange), secondWord = second.string(secondRange)
        guard firstWord.allSatisfy({ $0.isLetter }), secondWord.allSatisfy({ $0.isLetter }) else { return nil }
        let swappedFirst = TextEdits.replacing([firstRange], in: first, with: secondWord)
        let swappedSecond = TextEdits.replacing([secondRange], in: second, with: firstWord)
        return swappedFirst + String(plain[joint]) + swappedSecond
    }

    /// An item of a list of two, each a name with its aside in brackets
    /// ("Synchronous communications (application to application)",
    /// "Asynchronous / Event based (application to queue to application)"),
    /// said with the other item's aside: "Synchronous communications
    /// (application to queue to application)". Surely false: a list of two
    /// so written sets two things apart by what the brackets say. Only when
    /// the names and the asides differ, neither aside holds the other, and
    /// they share a word that is not grammar (they say one kind of thing).
    private func swappedAsides(at position: Int) -> String? {
        guard let pair = index.pairList(around: position) else { return nil }
        func split(_ text: String) -> (name: String, aside: String)? {
            let trimmed = text.trimmedSpaces()
            guard trimmed.hasSuffix(")"), let open = trimmed.lastIndex(of: "("), open > trimmed.startIndex else { return nil }
            let name = String(trimmed[..<open]).trimmedSpaces()
            let aside = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]).trimmedSpaces()
            guard !name.isEmpty, !aside.contains("("), !aside.contains(")"), !name.contains("("),
                  TextTokens(aside).words.count >= 2, TextTokens(name).words.count >= 1 else { return nil }
            return (name, aside)
        }
        guard let other = pair.first(where: { $0 != position }),
              let own = split(index.analysis(position).plain), let theirs = split(index.analysis(other).plain),
              !Self.isCJK(own.aside + theirs.aside),
              OptionForms.key(own.name) != OptionForms.key(theirs.name), OptionForms.key(own.aside) != OptionForms.key(theirs.aside),
              !own.aside.lowercased().contains(theirs.aside.lowercased()), !theirs.aside.lowercased().contains(own.aside.lowercased()),
              // Asides of one measure ("application to …" both), not two notes
              // of a changelog ("renamed from relative_from", "new error type").
              !index.stems(own.aside).isDisjoint(with: index.stems(theirs.aside))
        else { return nil }
        return "\(own.name) (\(theirs.aside))"
    }

    /// An item of a list whose lead-in has a twin in the same topic, one
    /// word apart ("**SQL** を選ぶ理由:" / "**NoSQL** を選ぶ理由:", "Pros of
    /// SQS:" / "Pros of SNS:"): the item said under its own lead-in (true)
    /// and under the twin's (false). The lists contrast two subjects, so an
    /// item of one is taken as not true of the other, unless it shares a
    /// word with any item of the other list ("複雑なジョインをする必要性"
    /// beside "複雑なジョインをする必要がない").
    private func listSwap(at position: Int) -> (true: String, false: String)? {
        guard let own = index.leadInList(around: position) else { return nil }
        let item = index.analysis(position).plain.trimmedSpaces()
        guard !item.isEmpty, !Self.hasAHole(item), !item.hasSuffix(":"), !item.hasSuffix("："), item.count <= 160 else { return nil }
        let ownWords = Self.leadInWords(own.leadIn)
        for other in index.leadInLists(ofTopicOf: position) where other.leadIn != own.leadIn {
            let otherWords = Self.leadInWords(other.leadIn)
            guard ownWords.count == otherWords.count, ownWords.count >= 2 else { continue }
            let differing = zip(ownWords, otherWords).filter { $0 != $1 }
            guard differing.count == 1 else { continue }
            let itemStems = index.stems(item)
            guard !itemStems.isEmpty, !other.items.contains(where: { !index.stems(index.analysis($0).plain).isDisjoint(with: itemStems) })
            else { continue }
            return (own.leadIn + ": " + item, other.leadIn + ": " + item)
        }
        return nil
    }

    /// A lead-in's words, lowercased, for telling twins apart ("SQL", "を", "選ぶ", "理由").
    static func leadInWords(_ text: String) -> [String] {
        let tokens = TextTokens(text)
        return tokens.words.map { tokens.string($0.range).lowercased() }
    }

    /// A list that says it is not complete: "etc.", "e.g.", "such as", "examples", "like".
    static func isOpenList(_ text: String) -> Bool {
        let lower = text.lowercased()
        return ["etc", "e.g", "such as", "example", "including", "like ", "等", "など", "例如", "比如"].contains { lower.contains($0) }
    }

    /// Bytes of text above which a fact is not asked.
    public static let longestAskedFact = 2_000

    /// The first three statements of the pool, the third changed for one
    /// that opens as the answer does (with a figure or not) when none of the
    /// three would: "12.7 GB of new paste content per month" among three use
    /// cases is the answer by its shape alone. Nil when the pool has none.
    static func threeNotSettingApart(_ answer: String, from pool: [String]) -> [String]? {
        // A digit, ASCII or full-width ("一貫性" opens with a word, though "一" counts as a number to Unicode).
        func opensWithAFigure(_ text: String) -> Bool {
            guard let scalar = text.unicodeScalars.first else { return false }
            return ("0"..."9").contains(scalar) || ("０"..."９").contains(scalar)
        }
        var three = Array(pool.prefix(3))
        guard three.count == 3 else { return nil }
        let figure = opensWithAFigure(answer)
        if three.allSatisfy({ opensWithAFigure($0) != figure }) {
            guard let alike = pool.dropFirst(3).first(where: { opensWithAFigure($0) == figure }) else { return nil }
            three[2] = alike
        }
        return three
    }

    /// A long single word is seldom an everyday one ("overfitting",
    /// "warehouses", "tokenization"; not "document", "datasets").
    static func isSpecificWord(_ word: String) -> Bool {
        word.count >= 10
    }

    /// "Which of these belongs under X?" in Japanese or Chinese.
    static func belongsUnder(_ subject: String, japanese: Bool) -> String {
        japanese ? "次のうち「\(subject)」に当てはまるものはどれ？" : "以下哪一项属于「\(subject)」？"
    }

    /// How a Chinese or Japanese text ends: a sentence ("。"), a predicate
    /// (kana: "エントリを返します"), or a noun ("クエリレベル"). Options of
    /// one question end alike, or the odd one out is the answer.
    static func cjkShape(_ text: String) -> Int {
        guard let last = text.trimmedSpaces().unicodeScalars.last else { return 0 }
        if "。.！？!?".unicodeScalars.contains(last) { return 2 }
        return (0x3040...0x309F).contains(last.value) ? 1 : 0
    }

    /// Kana anywhere: Japanese, not Chinese.
    static func isJapanese(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x3040...0x30FF).contains($0.value) }
    }

    static func isCJK(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x3040...0x30FF).contains($0.value) || (0x3400...0x9FFF).contains($0.value) }
    }

    /// Whether two CJK characters of `text` stand together in `shown`: the
    /// way a Chinese or Japanese answer shows (its single characters are
    /// morphemes found everywhere).
    static func sharesCJKPair(_ text: String, with shown: String) -> Bool {
        // Kana and the CJK ideographs all start with a byte E3–E9 in UTF-8:
        // most texts have none, and need no walk through their characters.
        guard text.utf8.contains(where: { (0xE3...0xE9).contains($0) }) else { return false }
        let characters = Array(text)
        guard characters.count >= 2 else { return false }
        for index in characters.indices.dropLast() {
            let pair = String(characters[index...index + 1])
            if isCJK(String(characters[index])) && isCJK(String(characters[index + 1])) && shown.contains(pair) { return true }
        }
        return false
    }

    private func shuffled(_ options: [String], using random: inout SeededRandom,
                          _ build: ([String], Int) -> Question) -> Question? {
        for (index, option) in options.enumerated() where options[(index + 1)...].contains(where: { self.index.sameThing($0, option) }) {
            return nil
        }
        var order = Array(options.indices)
        random.shuffle(&order)
        return build(order.map { options[$0] }, order.firstIndex(of: 0)!)
    }

    // MARK: - Table columns

    /// A Chinese or Japanese cell of a table's row asked by its column:
    /// "「可用性」一项中，_____ 是：非常高，分布式，一个数据多个副本，…" → Kafka, among the
    /// table's other column headers (ActiveMQ, RabbitMQ, RocketMQ): one closed
    /// set of names, so neither grammar nor shape tells them apart. Only where
    /// the headers are names in Latin script and the cell is CJK text, and
    /// only for a cell that tells its column apart: not naming another
    /// column, no other cell of the row pointing to its own ("RabbitMQ: 同
    /// ActiveMQ" makes ActiveMQ's cell true of RabbitMQ as well), no other
    /// cell equal to it or holding half of its character pairs
    /// ("非常高，分布式架构" of RocketMQ beside Kafka's "非常高，分布式，…"). The
    /// column's own name in its cell ("这是 RocketMQ 的一大优势") is masked.
    private func columnChoice(at position: Int, using random: inout SeededRandom) -> (prompt: String, answer: String, others: [String])? {
        guard let own = Self.tableRow(index.analysis(position).plain), !Self.isCJK(own.cells.map(\.header).joined()) else { return nil }
        // Every column of the table: a row leaves out its empty cells.
        var headers: [String] = []
        for other in index.topics[index.facts[position].topic].facts {
            guard let row = Self.tableRow(index.analysis(other).plain) else { continue }
            let names = row.cells.map(\.header)
            guard !Self.isCJK(names.joined()) else { continue }
            for name in names where !headers.contains(name) { headers.append(name) }
        }
        guard headers.count >= 4, own.cells.allSatisfy({ headers.contains($0.header) }),
              headers.allSatisfy({ !$0.isEmpty && $0.count <= 30 && !$0.contains(" ") }) else { return nil }
        func pairs(_ text: String) -> Set<String> {
            let characters = Array(text)
            guard characters.count >= 2 else { return [] }
            return Set(characters.indices.dropLast().compactMap { index in
                Self.isCJK(String(characters[index])) && Self.isCJK(String(characters[index + 1])) ? String(characters[index...index + 1]) : nil
            })
        }
        var candidates = Array(own.cells.indices)
        random.shuffle(&candidates)
        for number in candidates {
            let (header, cell) = own.cells[number]
            let others = own.cells.indices.filter { $0 != number }.map { own.cells[$0].cell }
            let cellPairs = pairs(cell)
            guard Self.isCJK(cell), cellPairs.count >= 3,
                  !headers.contains(where: { $0 != header && cell.contains($0) }),
                  !others.contains(where: { $0.contains(header) || index.key($0) == index.key(cell) }),
                  !others.contains(where: { pairs($0).intersection(cellPairs).count * 2 >= cellPairs.count })
            else { continue }
            let shownCell = cell.replacing(header, with: Question.mask)
            var pool = headers.filter { $0 != header }
            random.shuffle(&pool)
            // Said as a sentence, not as the row ("可用性 — _____: …" would blank a header, the table's scaffolding).
            let prompt = Self.isJapanese(own.label + cell) ? "「\(own.label)」の項目で、\(Question.blank) は：\(shownCell)"
                : "「\(own.label)」一项中，\(Question.blank) 是：\(shownCell)"
            return (prompt, header, Array(pool.prefix(3)))
        }
        return nil
    }

    // MARK: - Headed paragraphs

    /// The headline a Chinese or Japanese item opens with, before a line
    /// break the loader made a space ("- 系统可用性降低<br>系统引入的…"), and
    /// the paragraph after it. Nil unless the headline is a short phrase
    /// (2–10 characters, no punctuation) and the paragraph a sentence or more.
    static func headline(of text: String) -> (headline: String, body: String)? {
        guard let space = text.firstIndex(of: " ") else { return nil }
        let head = String(text[..<space]), body = String(text[text.index(after: space)...]).trimmedSpaces()
        guard (2...10).contains(head.count), head.allSatisfy({ isCJK(String($0)) && !$0.isPunctuation }),
              body.count >= 20, body.contains(where: { "，。；？！".contains($0) }) else { return nil }
        return (head, body)
    }

    /// An item of a list whose every item is a headline and its paragraph
    /// (why-mq-zh: "系统可用性降低 …", "系统复杂度提高 …", "一致性问题 …"),
    /// said under another item's headline: surely false when nothing of that
    /// headline shows in the paragraph, besides the words the headlines share
    /// ("系统"): "系统复杂度提高 系统引入的外部依赖越多，越容易挂掉…".
    private func headlineSwap(at position: Int) -> String? {
        guard let items = index.siblingList(around: position),
              let own = Self.headline(of: index.analysis(position).plain.trimmedSpaces()) else { return nil }
        let headlines = items.compactMap { Self.headline(of: index.analysis($0).plain.trimmedSpaces())?.headline }
        guard headlines.count == items.count, Set(headlines).count == headlines.count else { return nil }
        func pairs(_ text: String) -> Set<String> {
            let characters = Array(text)
            guard characters.count >= 2 else { return [] }
            return Set(characters.indices.dropLast().map { String(characters[$0...$0 + 1]) })
        }
        var counts: [String: Int] = [:]
        for headline in headlines { for pair in pairs(headline) { counts[pair, default: 0] += 1 } }
        let ownPairs = pairs(own.headline)
        for other in headlines where other != own.headline {
            let telling = pairs(other).filter { counts[$0, default: 0] < 2 && !ownPairs.contains($0) }
            guard !telling.isEmpty, !telling.contains(where: { own.body.contains($0) }) else { continue }
            return "\(other) \(own.body)"
        }
        return nil
    }
}
