import DeckKit
import StudyCore

/// The quiz half of `update`: starting sessions, answering, grading, undo and
/// the summary. Every answer leaves as a `.saveReview` effect, which the run
/// loop writes to the store before the next question is drawn.
extension AppUpdate {
    // MARK: - Starting and ending

    static func startSession(_ mode: StudyMode, _ state: inout AppState, scope explicitScope: [FactID]? = nil,
                             title explicitTitle: String? = nil) {
        guard let path = state.selectedPath, let node = state.decks.node(at: path) else { return }
        let scope = explicitScope ?? factIDs(under: node)
        guard !scope.isEmpty else {
            state.message = "no facts under \(node.title.plainText)"
            return
        }
        if state.questionGenerator == nil { state.questionGenerator = QuestionGenerator(decks: state.decks) }
        let options = StudySession.Options(
            newFactsAllowed: max(0, state.studyOptions.newPerDay) - min(max(0, state.studyOptions.newPerDay), max(0, state.newFactsStartedToday)),
            examQuestions: state.studyOptions.examQuestions, examMinutes: state.studyOptions.examMinutes,
            seed: state.studyOptions.seed, objectiveOnly: state.studyOptions.objectiveOnly,
            questionLimit: state.studyOptions.questionLimit)
        var session = StudySession.start(mode: mode, scope: scope, cards: state.progress,
                                         generator: state.questionGenerator!, scheduler: state.scheduler,
                                         now: state.now, options: options)
        let title = explicitTitle ?? node.title.plainText
        state.message = nil
        state.isShowingHelp = false
        state.search = nil
        if session.nextQuestion(now: state.now) == nil {
            let summary = session.summary(cards: state.progress, scope: scope, now: state.now)
            state.quiz = QuizState(session: session, scope: scope, scopeTitle: title,
                                   phase: .nothingToDo(nextDue: summary.nextDue), shownAt: state.now)
            return
        }
        state.quiz = QuizState(session: session, scope: scope, scopeTitle: title, phase: .asking, shownAt: state.now)
        showCurrentFactInTree(&state)
    }

    static func endSession(_ state: inout AppState) {
        guard var quiz = state.quiz else { return }
        quiz.phase = .summary(quiz.session.summary(cards: state.progress, scope: quiz.scope, now: state.now))
        quiz.session.current = nil
        state.quiz = quiz
    }

    static func redrillMisses(_ state: inout AppState) {
        guard let quiz = state.quiz, case .summary(let summary) = quiz.phase, !summary.misses.isEmpty else { return }
        startSession(.practice, &state, scope: summary.misses, title: "misses of \(quiz.scopeTitle)")
    }

    // MARK: - Answering

    /// A number key: an option in a choice question, a grade elsewhere.
    static func numberPressed(_ number: Int, _ state: inout AppState) -> [Effect] {
        guard var quiz = state.quiz, let question = quiz.question else { return [] }
        switch quiz.phase {
        case .asking:
            guard question.kind != .flip, question.kind != .clozeTyped, number <= question.options.count else { return [] }
            let correct = number - 1 == question.correctOption
            let feedback = QuizState.Feedback(correct: correct, chosen: number - 1, typed: nil,
                                              suggested: correct ? .good : .again)
            if quiz.session.mode == .exam { return record(feedback.suggested, correct: correct, &state) }
            quiz.phase = .feedback(feedback)
            state.quiz = quiz
            showCurrentFactInTree(&state)
            return []
        case .revealed:
            let rating = Rating(rawValue: number)!
            return record(rating, correct: rating >= .hard, &state)
        case .feedback(let feedback):
            return record(Rating(rawValue: number)!, correct: feedback.correct, &state)
        case .summary, .nothingToDo:
            return []
        }
    }

    static func reveal(_ state: inout AppState) {
        guard state.quiz?.phase == .asking, state.quiz?.question?.kind == .flip else { return }
        state.quiz?.phase = .revealed
    }

    static func acceptGrade(_ state: inout AppState) -> [Effect] {
        guard let quiz = state.quiz, case .feedback(let feedback) = quiz.phase else { return [] }
        return record(feedback.suggested, correct: feedback.correct, &state)
    }

    static func submitTyped(_ state: inout AppState) -> [Effect] {
        guard var quiz = state.quiz, let question = quiz.question, question.kind == .clozeTyped,
              quiz.typed.contains(where: { !$0.isWhitespace }) else { return [] }
        let judged = TypedAnswer.judge(quiz.typed, against: question.answer)
        let feedback = QuizState.Feedback(correct: judged.isAccepted, chosen: nil, typed: judged,
                                          suggested: judged.isAccepted ? .good : .again)
        if quiz.session.mode == .exam { return record(feedback.suggested, correct: feedback.correct, &state) }
        quiz.phase = .feedback(feedback)
        state.quiz = quiz
        return []
    }

    static func typeAnswer(_ text: String, _ state: inout AppState) {
        guard state.quiz?.phase == .asking, state.quiz?.question?.kind == .clozeTyped else { return }
        state.quiz?.typed += text
    }

    static func eraseTyped(_ state: inout AppState) {
        guard state.quiz?.typed.isEmpty == false else { return }
        state.quiz?.typed.removeLast()
    }

    /// Grades the current question, asks the store to keep the answer, and
    /// moves on (to the summary when the session is over).
    private static func record(_ rating: Rating, correct: Bool, _ state: inout AppState) -> [Effect] {
        guard var quiz = state.quiz, let question = quiz.question else { return [] }
        let deck = state.decks[deckIndex(of: question.factID, in: state) ?? 0].title
        guard let review = quiz.session.answer(rating: rating, correct: correct, cards: state.progress, deck: deck,
                                               now: state.now, elapsed: state.now.milliseconds - quiz.shownAt.milliseconds)
        else { return [] }
        if review.mode.updatesSchedule {
            state.progress[review.factID] = review.after
            if review.before.state == .new { state.newFactsStartedToday += 1 }
        }
        quiz.typed = ""
        quiz.shownAt = state.now
        if quiz.session.nextQuestion(now: state.now) == nil {
            quiz.phase = .summary(quiz.session.summary(cards: state.progress, scope: quiz.scope, now: state.now))
        } else {
            quiz.phase = .asking
        }
        state.quiz = quiz
        state.refreshNodeProgress()
        showCurrentFactInTree(&state)
        return [.saveReview(review)]
    }

    // MARK: - Undo and the store's answers

    static func reviewUndone(_ record: ReviewRecord?, _ state: inout AppState) {
        guard let record else {
            state.message = "nothing to undo"
            return
        }
        if record.mode.updatesSchedule {
            if record.before.state == .new && record.before.reps == 0 {
                state.progress[record.factID] = nil
                state.newFactsStartedToday = max(0, state.newFactsStartedToday - 1)
            } else {
                state.progress[record.factID] = record.before
            }
        }
        state.refreshNodeProgress()
        let text = state.questionGenerator?.fact(record.factID)?.text.plainText
            ?? factText(record.factID, in: state.decks) ?? record.factID.rawValue
        state.message = "undid \(Rating(rawValue: record.rating.rawValue)!.name) on “\(text)”"
        guard var quiz = state.quiz else { return }
        if quiz.session.answers.last?.factID == record.factID { quiz.session.undoLastAnswer() }
        else { quiz.session.queue.insert(record.factID, at: 0); quiz.session.current = nil }
        _ = quiz.session.nextQuestion(now: state.now)
        quiz.phase = quiz.session.current == nil ? quiz.phase : .asking
        quiz.typed = ""
        quiz.shownAt = state.now
        state.quiz = quiz
        showCurrentFactInTree(&state)
    }

    // MARK: - Helpers

    /// Every fact of `node` and below, in post order.
    static func factIDs(under node: TopicNode) -> [FactID] {
        var ids: [FactID] = []
        node.forEachNode { ids += $0.facts.map(\.id) }
        return ids
    }

    private static func deckIndex(of id: FactID, in state: AppState) -> Int? {
        state.decks.firstIndex { deck in
            var found = false
            deck.root.forEachNode { if !found && $0.facts.contains(where: { $0.id == id }) { found = true } }
            return found
        }
    }

    private static func factText(_ id: FactID, in decks: [Deck]) -> String? {
        var text: String?
        for deck in decks {
            deck.root.forEachNode { node in
                if text == nil, let fact = node.facts.first(where: { $0.id == id }) { text = fact.text.plainText }
            }
        }
        return text
    }

    /// Selects, in the tree, the node that holds the current question's fact
    /// (not while a which-topic question is asking for it).
    static func showCurrentFactInTree(_ state: inout AppState) {
        guard let question = state.quiz?.question, let path = path(of: question.factID, in: state.decks) else { return }
        if question.kind == .whichTopic && state.quiz?.phase == .asking { return }
        var ancestor = path.parent
        while let folded = ancestor {
            state.collapsed.remove(folded)
            ancestor = folded.parent
        }
        state.refreshRows(selecting: path)
        keepSelectionVisible(&state)
    }

    static func path(of id: FactID, in decks: [Deck]) -> NodePath? {
        for (index, deck) in decks.enumerated() {
            if let found = path(of: id, in: deck.root, at: NodePath([index])) { return found }
        }
        return nil
    }

    private static func path(of id: FactID, in node: TopicNode, at path: NodePath) -> NodePath? {
        if node.facts.contains(where: { $0.id == id }) { return path }
        for (index, child) in node.children.enumerated() {
            if let found = self.path(of: id, in: child, at: path.child(index)) { return found }
        }
        return nil
    }
}
