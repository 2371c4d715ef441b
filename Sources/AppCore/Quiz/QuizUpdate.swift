import DeckKit
import StudyCore

/// The quiz half of `update`: starting sessions, answering, grading, undo,
/// the exam clock and the summary.
///
/// An answer is a fact about the learner, so it leaves as `.saveReview` the
/// moment it is given (with the suggested grade), before any feedback:
/// whatever the learner does next (Esc, q, a signal) it is already on its
/// way to the store. A grade changed on the feedback screen replaces that
/// review in one transaction (`.replaceReview`). The store's answer comes
/// back as `.reviewSaved`; only acknowledged answers count in the summary.
extension AppUpdate {
    // MARK: - Starting and ending

    static func startSession(_ mode: StudyMode, _ state: inout AppState, scope explicitScope: [FactID]? = nil,
                             title explicitTitle: String? = nil) {
        guard let path = state.selectedPath, let node = state.decks.node(at: path) else { return }
        let scope = explicitScope ?? factIDs(under: node)
        guard !scope.isEmpty else {
            state.message = StatusMessage("no facts under \(node.title.plainText)", at: state.now)
            return
        }
        if state.questionGenerator == nil { state.questionGenerator = QuestionGenerator(decks: state.decks) }
        let options = StudySession.Options(
            newFactsAllowed: newFactsAllowed(state),
            examQuestions: state.studyOptions.examQuestions, examMinutes: state.studyOptions.examMinutes,
            seed: state.studyOptions.seed, objectiveOnly: state.studyOptions.objectiveOnly,
            questionLimit: state.studyOptions.questionLimit)
        var session = StudySession.start(mode: mode, scope: scope, cards: state.progress,
                                         generator: state.questionGenerator!, scheduler: state.scheduler,
                                         now: state.now, options: options)
        let title = explicitTitle ?? node.title.plainText
        state.message = nil
        state.overlay = nil
        state.search = nil
        if session.nextQuestion(now: state.now) == nil {
            let summary = session.summary(cards: state.progress, scope: scope, now: state.now)
            let heldBack = mode == .study && newFactsAllowed(state) == 0
                ? scope.filter { id in (state.progress[id]?.state ?? .new) == .new
                    && (state.progress[id]?.isAskable(at: state.now) ?? true) }.count
                : 0
            state.screen = .quiz(QuizState(session: session, scope: scope, scopeTitle: title,
                                           phase: .nothingToDo(.init(nextDue: summary.nextDue, newHeldBack: heldBack)),
                                           shownAt: state.now))
            return
        }
        state.screen = .quiz(QuizState(session: session, scope: scope, scopeTitle: title, phase: .asking,
                                       shownAt: state.now))
    }

    /// New facts a session may still start today: the limit, plus what `+`
    /// added, less those started. Saturating: options are range-checked, but
    /// this must not trap whatever the numbers.
    static func newFactsAllowed(_ state: AppState) -> Int {
        let (limit, overflow) = state.studyOptions.newPerDay.addingReportingOverflow(state.extraNewToday)
        let (left, underflow) = (overflow ? Int.max : limit).subtractingReportingOverflow(state.newFactsStartedToday)
        return underflow ? 0 : max(0, left)
    }

    /// Ends the session on its summary (an exam's unanswered questions count
    /// as missed).
    static func endSession(_ state: inout AppState, _ reason: StudySession.Ending = .ended) {
        guard var quiz = state.quiz else { return }
        switch quiz.phase {
        case .summary, .nothingToDo: return
        case .feedback:
            // The answer on screen is stored already; nothing is up any more.
            quiz.session.current = nil
        case .asking, .revealed:
            break
        }
        quiz.session.end(reason)
        quiz.phase = .summary(quiz.session.summary(cards: state.progress, scope: quiz.scope, now: state.now))
        quiz.summaryScroll = 0
        quiz.typed = ""
        quiz.marked = []
        state.screen = .quiz(quiz)
    }

    static func redrillMisses(_ state: inout AppState) {
        guard let quiz = state.quiz, case .summary(let summary) = quiz.phase, !summary.misses.isEmpty else { return }
        startSession(.practice, &state, scope: summary.misses, title: "misses of \(quiz.scopeTitle)")
    }

    /// On every clock tick: an exam whose time is up ends by itself.
    static func checkExamClock(_ state: inout AppState) {
        guard let quiz = state.quiz, quiz.session.isOverTime(now: state.now) else { return }
        switch quiz.phase {
        case .asking, .revealed, .feedback: endSession(&state, .timeUp)
        case .summary, .nothingToDo: break
        }
    }

    // MARK: - Answering

    /// A number key: an option in a choice question, a grade elsewhere.
    static func numberPressed(_ number: Int, _ state: inout AppState) -> [Effect] {
        guard let quiz = state.quiz else { return [] }
        switch quiz.phase {
        case .asking: return choose(number - 1, &state)
        case .revealed, .feedback: return grade(Rating(rawValue: number) ?? .good, &state)
        case .summary, .nothingToDo: return []
        }
    }

    /// Chooses option `index` (0-based) of the choice question up; in a
    /// question with several right options, marks or unmarks it instead.
    static func choose(_ index: Int, _ state: inout AppState) -> [Effect] {
        guard var quiz = state.quiz, quiz.phase == .asking, let question = quiz.question,
              question.kind != .flip, question.kind != .clozeTyped, question.options.indices.contains(index)
        else { return [] }
        if question.choosesSeveral {
            if quiz.marked.remove(index) == nil { quiz.marked.insert(index) }
            state.screen = .quiz(quiz)
            return []
        }
        let correct = question.isRight(choosing: [index])
        return answer(correct: correct, chosen: index, typed: nil, &state)
    }

    /// Enter on a question with several right options: the marked ones are
    /// the answer, right only when they are exactly the right ones.
    static func submitChoices(_ state: inout AppState) -> [Effect] {
        guard let quiz = state.quiz, quiz.phase == .asking, let question = quiz.question, question.choosesSeveral,
              !quiz.marked.isEmpty else { return [] }
        return answer(correct: question.isRight(choosing: quiz.marked), chosen: nil, typed: nil, picked: quiz.marked, &state)
    }

    static func reveal(_ state: inout AppState) {
        guard var quiz = state.quiz, quiz.phase == .asking, quiz.question?.kind == .flip else { return }
        quiz.phase = .revealed
        state.screen = .quiz(quiz)
    }

    /// A grade: a turned flip card is graded and stored; on the feedback
    /// screen another grade replaces the stored one.
    static func grade(_ rating: Rating, _ state: inout AppState) -> [Effect] {
        guard var quiz = state.quiz else { return [] }
        switch quiz.phase {
        case .revealed:
            guard let review = makeReview(rating, correct: rating >= .hard, &quiz, state) else { return [] }
            apply(review, &state)
            advance(&quiz, state)
            state.screen = .quiz(quiz)
            return [.saveReview(review)]
        case .feedback(let feedback):
            var effects: [Effect] = []
            if rating != feedback.review.rating,
               let replaced = quiz.session.regradeLastAnswer(feedback.review, to: rating, correct: feedback.correct) {
                if replaced.mode.updatesSchedule { state.progress[replaced.factID] = replaced.after }
                if let id = feedback.review.id {
                    effects = [.replaceReview(id: id, with: replaced)]
                } else {
                    // The first write failed: this one is a new answer.
                    var fresh = replaced
                    fresh.id = nil
                    effects = [.saveReview(fresh)]
                }
                state.refreshNodeProgress()
            }
            advance(&quiz, state)
            state.screen = .quiz(quiz)
            return effects
        case .asking, .summary, .nothingToDo:
            return []
        }
    }

    /// Enter on the feedback: the answer is stored; go on.
    static func acceptGrade(_ state: inout AppState) {
        guard var quiz = state.quiz, case .feedback = quiz.phase else { return }
        advance(&quiz, state)
        state.screen = .quiz(quiz)
    }

    static func submitTyped(_ state: inout AppState) -> [Effect] {
        guard let quiz = state.quiz, quiz.phase == .asking, let question = quiz.question, question.kind == .clozeTyped,
              quiz.typed.contains(where: { !$0.isWhitespace }) else { return [] }
        let judged = TypedAnswer.judge(quiz.typed, against: question.answer)
        return answer(correct: judged.isAccepted, chosen: nil, typed: judged, &state)
    }

    static func typeAnswer(_ text: String, _ state: inout AppState) {
        guard var quiz = state.quiz, quiz.phase == .asking, quiz.question?.kind == .clozeTyped else { return }
        quiz.typed += text
        state.screen = .quiz(quiz)
    }

    static func eraseTyped(_ state: inout AppState) {
        guard var quiz = state.quiz, !quiz.typed.isEmpty else { return }
        quiz.typed.removeLast()
        state.screen = .quiz(quiz)
    }

    /// Ctrl-U: clears the typed text, as in every shell.
    static func clearTyped(_ state: inout AppState) {
        guard var quiz = state.quiz else { return }
        quiz.typed = ""
        quiz.marked = []
        state.screen = .quiz(quiz)
    }

    /// An objective answer: stored at once with the suggested grade; then the
    /// feedback (or, in an exam, the next question).
    private static func answer(correct: Bool, chosen: Int?, typed: TypedAnswer?, picked: Set<Int> = [],
                               _ state: inout AppState) -> [Effect] {
        guard var quiz = state.quiz else { return [] }
        let suggested: Rating = correct ? .good : .again
        guard let review = makeReview(suggested, correct: correct, &quiz, state) else { return [] }
        apply(review, &state)
        if quiz.session.mode == .exam {
            advance(&quiz, state)
        } else {
            var feedback = QuizState.Feedback(correct: correct, chosen: chosen, typed: typed, suggested: suggested, review: review)
            feedback.picked = picked
            quiz.phase = .feedback(feedback)
        }
        state.screen = .quiz(quiz)
        return [.saveReview(review)]
    }

    private static func makeReview(_ rating: Rating, correct: Bool, _ quiz: inout QuizState, _ state: AppState)
        -> ReviewRecord? {
        guard let question = quiz.question else { return nil }
        let deck = state.deckTitle(of: question.factID)
        return quiz.session.answer(rating: rating, correct: correct, cards: state.progress, deck: deck, now: state.now,
                                   elapsed: state.now.milliseconds &- quiz.shownAt.milliseconds)
    }

    /// The answer's card change, in memory (the store gets the same).
    private static func apply(_ review: ReviewRecord, _ state: inout AppState) {
        if review.mode.updatesSchedule {
            state.progress[review.factID] = review.after
            if review.before.state == .new { state.newFactsStartedToday += 1 }
            state.refreshNodeProgress()
        }
    }

    /// The next question, or the summary when there is none.
    static func advance(_ quiz: inout QuizState, _ state: AppState) {
        quiz.typed = ""
        quiz.marked = []
        quiz.shownAt = state.now
        if quiz.session.nextQuestion(now: state.now) == nil {
            quiz.question = nil
            quiz.session.end(quiz.session.isOverTime(now: state.now) ? .timeUp : .finished)
            quiz.phase = .summary(quiz.session.summary(cards: state.progress, scope: quiz.scope, now: state.now))
            quiz.summaryScroll = 0
        } else {
            quiz.question = quiz.session.current
            quiz.phase = .asking
        }
    }

    // MARK: - The store's answers

    /// The store kept an answer. What it wrote is the truth: it applied the
    /// answer to the card it held (another window may have moved the card on
    /// since this one read it), so that card replaces the one in memory.
    static func reviewSaved(_ record: ReviewRecord, _ state: inout AppState) {
        guard let id = record.id else { return }
        state.undoStack.append(.answer(reviewID: id, factID: record.factID))
        takeStoredCard(record, &state)
        guard var quiz = state.quiz else { return }
        quiz.session.acknowledge(factID: record.factID, reviewedAt: record.reviewedAt, id: id)
        if case .feedback(var feedback) = quiz.phase, feedback.review.factID == record.factID,
           feedback.review.reviewedAt == record.reviewedAt {
            // A grade changed on this feedback starts from the card the store used.
            feedback.review = record
            quiz.phase = .feedback(feedback)
        }
        if case .summary = quiz.phase {
            quiz.phase = .summary(quiz.session.summary(cards: state.progress, scope: quiz.scope, now: state.now))
        }
        state.screen = .quiz(quiz)
    }

    /// The store replaced an answer's grade, working the card out again from
    /// the card before it stored: that card replaces the one in memory.
    static func reviewReplaced(_ record: ReviewRecord, _ state: inout AppState) {
        takeStoredCard(record, &state)
        guard var quiz = state.quiz, case .summary = quiz.phase else { return }
        quiz.phase = .summary(quiz.session.summary(cards: state.progress, scope: quiz.scope, now: state.now))
        state.screen = .quiz(quiz)
    }

    /// For study, the card the store wrote becomes the card in memory.
    private static func takeStoredCard(_ record: ReviewRecord, _ state: inout AppState) {
        guard record.mode.updatesSchedule, state.progress[record.factID] != record.after else { return }
        state.progress[record.factID] = record.after
        state.refreshNodeProgress()
    }

    /// A write the store refused: said plainly, and the card in memory goes
    /// back to what the store holds.
    static func storeFailed(_ failure: StoreFailure, _ state: inout AppState) {
        state.message = StatusMessage(failure.summary, kind: .error, at: state.now)
        state.lastStoreFailure = failure
        switch failure.operation {
        case .saveReview(let review), .replaceReview(let review):
            // What the store holds now: for a refused answer, the card before
            // it; for a refused grade change, the first grade's card.
            let isNewAnswer = if case .saveReview = failure.operation { true } else { false }
            if isNewAnswer {
                putBack(review, &state)
                state.refreshNodeProgress()
            }
            guard var quiz = state.quiz else { return }
            if case .feedback(var feedback) = quiz.phase, feedback.review.factID == review.factID {
                feedback.saveFailed = true
                quiz.phase = .feedback(feedback)
            }
            if case .summary = quiz.phase {
                quiz.phase = .summary(quiz.session.summary(cards: state.progress, scope: quiz.scope, now: state.now))
            }
            state.screen = .quiz(quiz)
        case .undo, .saveCards, .loadReviewActivity, .loadFactHistory, .relink:
            break
        }
    }

    /// The card in memory as it was before `review` (which the store does
    /// not hold, or no longer holds): a fact first seen in it is new again,
    /// and no longer counts against today's limit.
    private static func putBack(_ review: ReviewRecord, _ state: inout AppState) {
        guard review.mode.updatesSchedule else { return }
        if review.before.state == .new && review.before.reps == 0 {
            state.progress[review.factID] = nil
            state.newFactsStartedToday = max(0, state.newFactsStartedToday - 1)
        } else {
            state.progress[review.factID] = review.before
        }
    }

    // MARK: - Undo

    /// `u`: takes back the newest thing on the undo stack: an answer this run
    /// stored (by its id), or a suspension or burial. With nothing on it, the
    /// store's newest review (an answer of an earlier run).
    static func undo(_ state: inout AppState) -> [Effect] {
        switch state.undoStack.last {
        case .answer(let id, _)?:
            return [.undoReview(id: id)]
        case .cardChange(let before, let description)?:
            state.undoStack.removeLast()
            for snapshot in before { state.progress[snapshot.factID] = snapshot.card }
            state.refreshNodeProgress()
            state.message = StatusMessage("undid \(description)", at: state.now)
            return [.saveCards(before)]
        case nil:
            return [.undoReview(id: nil)]
        }
    }

    static func reviewUndone(_ record: ReviewRecord?, _ state: inout AppState) {
        guard let record else {
            state.message = StatusMessage("nothing to undo", at: state.now)
            return
        }
        if let id = record.id, let index = state.undoStack.lastIndex(of: .answer(reviewID: id, factID: record.factID)) {
            state.undoStack.remove(at: index)
        }
        putBack(record, &state)
        state.refreshNodeProgress()
        let text = state.questionGenerator?.fact(record.factID)?.text.plainText
            ?? factText(record.factID, in: state) ?? record.factID.rawValue
        state.message = StatusMessage("undid \(record.rating.name) on “\(text)”", at: state.now)
        guard var quiz = state.quiz, quiz.session.answers.last?.factID == record.factID,
              quiz.session.answers.last?.reviewID == record.id || record.id == nil else { return }
        switch quiz.phase {
        case .nothingToDo: return
        case .summary where quiz.session.ending == .timeUp: return
        default: break
        }
        quiz.question = quiz.session.undoLastAnswer()
        quiz.phase = .asking
        quiz.typed = ""
        quiz.marked = []
        quiz.shownAt = state.now
        state.screen = .quiz(quiz)
    }

    // MARK: - Summary scrolling

    /// `↑`/`↓` move the selected miss (for `e`), the summary scrolling to
    /// keep it in view; past the first or last miss, and with none, they
    /// scroll a line, so every line stays in reach. The other moves scroll.
    static func scrollSummary(_ command: Command, _ state: inout AppState) {
        guard var quiz = state.quiz, case .summary(let summary) = quiz.phase,
              let document = state.summaryDocument else { return }
        let width = SummaryDocument.contentWidth(state.layout)
        let page = max(1, SummaryDocument.contentHeight(state.layout))
        let total = document.wrappedLineCount(width: width)
        let last = max(0, total - page)
        let misses = summary.missedQuestions.count
        let selected = min(quiz.selectedMiss, max(0, misses - 1))
        let step = command == .moveDown ? 1 : command == .moveUp ? -1 : 0
        if step != 0, misses > 0, (0..<misses).contains(selected + step) {
            quiz.selectedMiss = selected + step
            // The whole miss in view when it fits, else its first line.
            let lines = document.wrappedLines(ofMiss: quiz.selectedMiss, width: width)
            var scroll = quiz.summaryScroll
            if lines.upperBound > scroll + page { scroll = lines.upperBound - page }
            if lines.lowerBound < scroll { scroll = lines.lowerBound }
            quiz.summaryScroll = min(max(0, scroll), last)
        } else {
            quiz.summaryScroll = moved(quiz.summaryScroll, by: command, page: max(1, page - 1), last: last)
        }
        state.screen = .quiz(quiz)
    }

    // MARK: - Helpers

    /// Every fact of `node` and below, in post order.
    static func factIDs(under node: TopicNode) -> [FactID] {
        var ids: [FactID] = []
        node.forEachNode { ids += $0.facts.map(\.id) }
        return ids
    }

    /// A fact's text, found by its path (no walk).
    public static func factText(_ id: FactID, in state: AppState) -> String? {
        guard let path = state.factPaths[id], let node = state.decks.node(at: path) else { return nil }
        return node.facts.first { $0.id == id }?.text.plainText
    }
}

