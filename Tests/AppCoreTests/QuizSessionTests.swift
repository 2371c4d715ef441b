import Testing
import DeckKit
import StudyCore
@testable import AppCore

/// State tests of whole quiz sessions with a fixed clock: every answer leaves
/// as a `.saveReview` effect, and the state is checked after each step.
@Suite("Quiz sessions")
struct QuizSessionTests {
    let t0 = Timestamp(milliseconds: 1_795_597_200_000) // 2026-11-25T09:00:00Z
    let scheduler: FSRSScheduler = {
        var configuration = SchedulerConfiguration.standard
        configuration.enableFuzzing = false
        return try! FSRSScheduler(configuration)
    }()

    /// The bundled deck with "AWS Glue Data Catalog" (4 facts) selected.
    func onGlue(progress: [FactID: CardProgress] = [:], options: StudyOptions = StudyOptions(seed: 5)) -> AppState {
        var state = AppState(decks: [DeckLoader.bundled()], width: 100, height: 30, now: t0, progress: progress,
                             scheduler: scheduler, studyOptions: options)
        state.selectedRow = state.rows.firstIndex { $0.title == "AWS Glue Data Catalog" }!
        return state
    }

    /// Presses keys; every `.saveReview` is acknowledged as the store would
    /// (`.reviewSaved` with a row id), so summaries count it. Returns the effects.
    @discardableResult
    func press(_ keys: [String], _ state: inout AppState) -> [Effect] {
        var effects: [Effect] = []
        for key in keys {
            let produced = AppUpdate.update(&state, .keyPressed(key))
            effects += produced
            for case .saveReview(var review) in produced {
                review.id = Int64(state.undoStack.count + 1000)
                AppUpdate.update(&state, .reviewSaved(review))
            }
        }
        return effects
    }

    /// Answers the question on screen, right or wrong, and goes on with the
    /// suggested grade; advances the clock 10 s first. Returns the effects.
    func answer(correctly: Bool, _ state: inout AppState) -> [Effect] {
        AppUpdate.update(&state, .clockTicked(state.now.adding(milliseconds: 10_000)))
        let question = state.quiz!.question!
        switch question.kind {
        case .flip:
            return press(["Space", correctly ? "3" : "1"], &state)
        case .clozeTyped:
            let text = correctly ? question.answer : "zzz"
            let effects = press(text.map { $0 == " " ? "Space" : String($0) } + ["Enter"], &state)
            return state.quiz?.session.mode == .exam ? effects : effects + press(["Enter"], &state)
        default:
            let choice = correctly ? question.correctOption! : (question.correctOption! + 1) % question.options.count
            let effects = press([String(choice + 1)], &state)
            return state.quiz?.session.mode == .exam ? effects : effects + press(["Enter"], &state)
        }
    }

    /// Puts `question` up in place of the one asked.
    func show(_ question: Question?, _ state: inout AppState) {
        var quiz = state.quiz!
        quiz.session.current = question
        quiz.question = question
        state.screen = .quiz(quiz)
    }

    func saved(_ effects: [Effect]) -> [ReviewRecord] {
        effects.compactMap { if case .saveReview(let review) = $0 { review } else { nil } }
    }

    @Test func aStudySessionLearnsEveryFactAndEndsOnASummary() {
        var state = onGlue()
        press(["s"], &state)
        #expect(state.quiz?.phase == .asking)
        #expect(state.quiz?.session.queue.count == 3) // four new facts: one on screen
        #expect(state.keyContext.isQuiz)
        var reviews: [ReviewRecord] = []
        var steps = 0
        while case .asking? = state.quiz?.phase, steps < 20 {
            let effects = answer(correctly: true, &state)
            // Graded and stored at once: the card in the state is the one saved.
            let review = saved(effects)
            #expect(review.count == 1)
            if let last = review.last { #expect(state.progress[last.factID] == last.after) }
            reviews += review
            steps += 1
        }
        // Good on a new card is the 10-minute step; the same session asks again, then it graduates.
        #expect(reviews.count == 8)
        #expect(reviews.allSatisfy { $0.mode == .study && $0.rating == .good })
        #expect(Set(reviews.map(\.factID)).count == 4)
        #expect(state.progress.values.allSatisfy { $0.state == .review })
        #expect(state.newFactsStartedToday == 4)
        guard case .summary(let summary)? = state.quiz?.phase else {
            Issue.record("no summary")
            return
        }
        #expect(summary.answered == 8)
        #expect(summary.correct == 8)
        #expect(summary.misses.isEmpty)
        #expect(summary.durationMilliseconds == 80_000) // eight answers, 10 s apart
        let path = state.rows[state.selectedRow].path
        #expect(state.nodeProgress[path]?.new == 0)
        #expect(state.nodeProgress[path]?.studied == 4)
        press(["Esc"], &state)
        #expect(state.quiz == nil)
    }

    @Test func aFactAnsweredAgainComesBackInTheSameSession() {
        var state = onGlue()
        press(["s"], &state)
        let first = state.quiz!.question!.factID
        let effects = answer(correctly: false, &state)
        #expect(saved(effects).first?.rating == .again)
        #expect(state.quiz?.session.pending.map(\.factID) == [first])
        var askedAgain = false
        for _ in 0..<6 where state.quiz?.phase == .asking {
            if state.quiz?.question?.factID == first { askedAgain = true; break }
            _ = answer(correctly: true, &state)
        }
        #expect(askedAgain)
    }

    @Test func undoTakesBackTheLastAnswerAndAsksItAgain() {
        var state = onGlue()
        press(["s"], &state)
        let first = state.quiz!.question!.factID
        var review = saved(answer(correctly: true, &state)).first!
        review.id = state.quiz!.session.answers.last!.reviewID
        #expect(state.progress[first] != nil)
        // u (after Esc, while typing) undoes that answer, by its row id.
        if state.keyContext == .quizTyping { press(["Esc"], &state) }
        #expect(press(["u"], &state) == [.undoReview(id: review.id)])
        // The store answers with the review it removed.
        AppUpdate.update(&state, .reviewUndone(review))
        #expect(state.progress[first] == nil)
        #expect(state.newFactsStartedToday == 0)
        #expect(state.quiz?.session.answers.isEmpty == true)
        #expect(state.quiz?.question?.factID == first)
        #expect(state.quiz?.phase == .asking)
        #expect(state.message?.text.hasPrefix("undid Good on") == true)
        #expect(state.undoStack.isEmpty)
    }

    @Test func undoFromTheTreeAlsoWorksAfterARestart() {
        var state = onGlue()
        let fact = state.selectedNode!.facts[0].id
        let before = CardProgress.new(factID: fact)
        let after = scheduler.review(before, rating: .good, at: t0)
        state.progress = [fact: after]
        #expect(press(["u"], &state) == [.undoReview(id: nil)])
        AppUpdate.update(&state, .reviewUndone(ReviewRecord(factID: fact, deck: "d", reviewedAt: t0, rating: .good,
                                                            mode: .study, kind: "flip", elapsedMilliseconds: 1,
                                                            before: before, after: after)))
        #expect(state.progress.isEmpty)
        AppUpdate.update(&state, .reviewUndone(nil))
        #expect(state.message?.text == "nothing to undo")
    }

    @Test func practiceLogsAnswersAndLeavesTheSchedule() {
        var state = onGlue()
        press(["p"], &state)
        #expect(state.quiz?.session.mode == .practice)
        let reviews = saved(answer(correctly: false, &state))
        #expect(reviews.map(\.mode) == [.practice])
        #expect(state.progress.isEmpty)
        #expect(reviews.first?.before == reviews.first?.after)
    }

    @Test func anExamGivesNoFeedbackUntilItsScorePerTopic() {
        var state = AppState(decks: [DeckLoader.bundled()], width: 100, height: 30, now: t0, scheduler: scheduler,
                             studyOptions: StudyOptions(examQuestions: 5, seed: 9))
        state.selectedRow = 0
        press(["x"], &state)
        #expect(state.quiz?.session.mode == .exam)
        var reviews: [ReviewRecord] = []
        for index in 0..<5 {
            #expect(state.quiz?.phase == .asking)
            #expect(state.quiz?.question?.kind.isObjective == true)
            reviews += saved(answer(correctly: index % 2 == 0, &state))
        }
        #expect(reviews.count == 5)
        #expect(reviews.allSatisfy { $0.mode == .exam })
        #expect(state.progress.isEmpty)
        guard case .summary(let summary)? = state.quiz?.phase else {
            Issue.record("no summary")
            return
        }
        #expect(summary.answered == 5)
        #expect(summary.correct == 3)
        #expect(summary.topics.reduce(0) { $0 + $1.answered } == 5)
        #expect(summary.topics.first.map { $0.accuracy <= summary.topics.last!.accuracy } == true)
        // r re-drills the two misses as practice.
        press(["r"], &state)
        #expect(state.quiz?.session.mode == .practice)
        #expect(Set(state.quiz!.session.queue + [state.quiz!.question!.factID]) == Set(summary.misses))
    }

    @Test("an exam ends on the clock tick at its limit, not at the next key; unanswered questions are missed")
    func anExamEndsAtItsTimeLimit() {
        var state = onGlue(options: StudyOptions(examQuestions: 4, examMinutes: 1, seed: 2))
        press(["x"], &state)
        _ = answer(correctly: true, &state)
        AppUpdate.update(&state, .clockTicked(t0.adding(milliseconds: 61_000)))
        guard case .summary(let summary)? = state.quiz?.phase else {
            Issue.record("the exam went on past its time"); return
        }
        #expect(summary.answered == 1)
        #expect(summary.unanswered == 3)
        #expect(summary.ending == .timeUp)
        #expect(summary.accuracy == 0.25) // 1 right of 4 asked
        #expect(summary.missedQuestions.count == 3)
        // A key after the end answers nothing.
        #expect(saved(press(["1"], &state)).isEmpty)
    }

    @Test("typing: Ctrl-U clears the line, as in a shell; it does not undo")
    func controlUClearsTheTypedText() {
        var state = onGlue()
        press(["s"], &state)
        let fact = state.quiz!.question!.factID
        show(state.questionGenerator!.question(for: fact, kind: .clozeTyped, seed: 1), &state)
        press(["a", "b"], &state)
        #expect(press(["Ctrl-U"], &state) == [])
        #expect(state.quiz?.typed == "")
        #expect(state.quiz?.phase == .asking)
    }

    @Test("true/false takes 1/t and 2/f, and the status bar's keys come from its own context")
    func trueFalseKeys() {
        var state = onGlue()
        press(["s"], &state)
        let fact = state.quiz!.question!.factID
        show(state.questionGenerator!.question(for: fact, kind: .trueFalse, seed: 1), &state)
        #expect(state.keyContext == .quizTrueFalse)
        let labels = state.keyMap.effectiveBindings(in: .quizTrueFalse).compactMap(\.statusLabel?.keys)
        #expect(labels.contains("1/t") && labels.contains("2/f") && !labels.contains("1-4"))
        #expect(saved(press(["f"], &state)).count == 1)
    }

    @Test("the stats screen ignores the mouse and its keys never move the hidden tree")
    func statsScreenOwnsTheKeys() {
        var state = onGlue()
        let row = state.selectedRow
        guard case .loadReviewActivity(let scope, _)? = press(["t"], &state).first else {
            Issue.record("t asked for no review activity")
            return
        }
        var inTopic = Set<FactID>()
        state.selectedNode!.forEachNode { inTopic.formUnion($0.facts.map(\.id)) }
        #expect(!inTopic.isEmpty && scope == inTopic)
        #expect(state.keyContext == .stats)
        AppUpdate.update(&state, .clickedTreeRow(0))
        AppUpdate.update(&state, .scrolled(.detail, lines: 3))
        press(["j", "k"], &state)
        #expect(state.selectedRow == row)
        #expect(state.selectedFact == 0)
    }

    @Test("suspend and bury from the tree act on every fact of the topic; u undoes")
    func suspendFromTheTree() {
        var state = onGlue()
        let ids = state.selectedNode!.facts.map(\.id)
        let effects = press(["@"], &state)
        guard case .saveCards(let cards)? = effects.first else { Issue.record("no write"); return }
        #expect(Set(cards.map(\.factID)) == Set(ids))
        #expect(ids.allSatisfy { state.progress[$0]?.suspended == true })
        #expect(state.nodeProgress[state.selectedPath!]?.suspended == ids.count)
        press(["s"], &state)
        if case .nothingToDo? = state.quiz?.phase {} else { Issue.record("a suspended fact was asked") }
        press(["Esc"], &state)
        let undo = press(["u"], &state)
        guard case .saveCards(let restored)? = undo.first else { Issue.record("no undo write"); return }
        #expect(restored.allSatisfy { $0.card == nil })
        #expect(state.progress.isEmpty)
        press(["-"], &state)
        #expect(ids.allSatisfy { state.progress[$0]?.isBuried(at: t0) == true })
        #expect(ids.allSatisfy { state.progress[$0]?.isBuried(at: t0.adding(milliseconds: 86_400_000)) == false })
    }

    @Test("+ adds ten new facts for today, and \"nothing to study\" says when the limit is what stops it")
    func raisingTheNewLimit() {
        var state = onGlue(options: StudyOptions(newPerDay: 0, seed: 1))
        press(["s"], &state)
        guard case .nothingToDo(let nothing)? = state.quiz?.phase else { Issue.record("expected nothing to do"); return }
        #expect(nothing.newHeldBack == 4)
        press(["+"], &state)
        #expect(state.extraNewToday == 10)
        #expect(state.quiz?.phase == .asking)
    }

    /// The command line refuses such limits, but other callers need not:
    /// an out-of-range limit must not trap (it did, on `newPerDay - started`
    /// and on the exam deadline's `minutes * 60_000`).
    @Test func limitsFarOutOfRangeDoNotTrap() {
        var state = AppState(decks: [DeckLoader.bundled()], width: 100, height: 30, now: t0, scheduler: scheduler,
                             studyOptions: StudyOptions(newPerDay: Int.min, seed: 5), newFactsStartedToday: 1)
        state.selectedRow = state.rows.firstIndex { $0.title == "AWS Glue Data Catalog" }!
        press(["s"], &state)
        #expect(state.quiz?.session.options.newFactsAllowed == 0)
        #expect(state.quiz?.phase == .nothingToDo(.init(nextDue: nil, newHeldBack: 4)))

        var exam = onGlue(options: StudyOptions(examQuestions: 4, examMinutes: Int.max, seed: 2))
        press(["x"], &exam)
        let deadline = exam.quiz?.session.deadline
        #expect(deadline.map { $0 > t0.adding(milliseconds: 86_400_000 * 365 * 99) } == true)
        _ = answer(correctly: true, &exam)
        #expect(exam.quiz?.phase == .asking)
    }

    @Test func nothingDueSaysWhenAndOffersPractice() {
        var progress: [FactID: CardProgress] = [:]
        let ids = onGlue().selectedNode!.facts.map(\.id)
        for id in ids {
            progress[id] = CardProgress(factID: id, state: .review, stability: 10, difficulty: 5,
                                        due: t0.adding(milliseconds: 86_400_000 * 3), lastReview: t0, reps: 3)
        }
        var state = onGlue(progress: progress)
        press(["s"], &state)
        #expect(state.quiz?.phase == .nothingToDo(.init(nextDue: t0.adding(milliseconds: 86_400_000 * 3), newHeldBack: 0)))
        #expect(state.keyContext == .quizEmpty)
        press(["p"], &state)
        #expect(state.quiz?.session.mode == .practice)
        #expect(state.quiz?.phase == .asking)
    }

    @Test func theDailyLimitCapsNewFacts() {
        var state = onGlue(options: StudyOptions(newPerDay: 3, seed: 1))
        state.newFactsStartedToday = 1
        press(["s"], &state)
        #expect(state.quiz!.session.queue.count + 1 == 2)
    }

    @Test func typedAnswersAreJudgedWithADiff() {
        var state = onGlue()
        press(["s"], &state)
        // Find or force a typed question: ask the generator directly for the current fact.
        let fact = state.quiz!.question!.factID
        show(state.questionGenerator!.question(for: fact, kind: .clozeTyped, seed: 1), &state)
        let answer = state.quiz!.question!.answer
        let typo = String(answer.dropLast()) // one letter short
        press(typo.map { $0 == " " ? "Space" : String($0) } + ["Enter"], &state)
        guard case .feedback(let feedback)? = state.quiz?.phase else {
            Issue.record("no feedback")
            return
        }
        #expect(feedback.typed?.isExact == false)
        #expect(feedback.typed?.diff.last == .missing(String(answer.last!)))
        #expect(feedback.correct == (answer.count >= 4 && !answer.contains(where: \.isNumber)))
    }

    @Test func inAQuizOnlyQuizKeysAndHelpAndQuitWork() {
        var state = onGlue()
        press(["s"], &state)
        let fact = state.quiz!.question!.factID
        show(state.questionGenerator!.question(for: fact, kind: .trueFalse, seed: 1), &state)
        let before = state
        press(["j", "/", "Tab", "g"], &state)
        #expect(state == before)
        press(["?"], &state)
        #expect(state.isShowingHelp)
        press(["x"], &state)
        // q ends the session on its summary; a second q quits.
        #expect(press(["q"], &state) == [])
        if case .summary? = state.quiz?.phase {} else { Issue.record("q did not end the session") }
        #expect(press(["q"], &state) == [.quit])
    }

    /// A question bank with one question of two right options and one of
    /// five options with one right, studied from the full screen's keys.
    @Test func aQuestionOfTheNotesIsAnsweredByMarkingItsOptionsThenEnter() throws {
        let deck = try DeckLoader.load(text: """
            # Bank
            ## Which services query data in S3 with SQL?
            - [x] Amazon Athena
            - [ ] Amazon SQS
            - [x] Amazon Redshift Spectrum
            - [ ] Amazon MQ
            ## Which input mode streams from S3?
            - [ ] File mode
            - [x] Pipe mode
            - [ ] Local mode
            - [ ] Batch mode
            - [ ] Fast File mode
            """, file: "bank.md")
        var state = AppState(decks: [deck], width: 100, height: 30, now: t0, scheduler: scheduler,
                             studyOptions: StudyOptions(seed: 3))
        state.selectedRow = 0
        press(["s"], &state)
        var asked = 0
        while let quiz = state.quiz, quiz.phase == .asking, let question = quiz.question {
            asked += 1
            #expect(question.kind == .authoredChoice)
            if question.choosesSeveral {
                #expect(state.keyContext == .quizChoice)
                #expect(state.canPerform(.submitChoices))
                let wrong = question.options.indices.first { !question.correctOptions.contains($0) }!
                // Marking toggles: a wrong option marked, then unmarked; Enter with nothing marked does nothing.
                press([String(wrong + 1)], &state)
                #expect(state.quiz?.marked == [wrong])
                press([String(wrong + 1)], &state)
                #expect(state.quiz?.marked == [])
                #expect(press(["Enter"], &state).isEmpty)
                // One right option of two is wrong: exactly the checked set is right.
                let effects = press([String(question.correctOptions[0] + 1), "Enter"], &state)
                guard case .feedback(let feedback) = state.quiz?.phase else { Issue.record("no feedback"); return }
                #expect(!feedback.correct)
                #expect(feedback.picked == [question.correctOptions[0]])
                #expect(saved(effects).map(\.kind) == ["authored-choice"])
                #expect(saved(effects).map(\.rating) == [.again])
            } else {
                #expect(question.options.count == 5)
                #expect(state.canPerform(.answer5))
                #expect(!state.canPerform(.submitChoices))
                let effects = press([String(question.correctOption! + 1)], &state)
                guard case .feedback(let feedback) = state.quiz?.phase else { Issue.record("no feedback"); return }
                #expect(feedback.correct)
                #expect(saved(effects).map(\.rating) == [.good])
            }
            press(["Enter"], &state)
            if asked > 4 { break }
        }
        #expect(asked >= 2)
    }
}

@Suite("The clock")
struct ClockTests {
    let t0 = Timestamp(milliseconds: 1_795_597_200_000)

    @Test("the tree's due counts change on a clock tick when a card comes due, with no key")
    func dueCountsFollowTheClock() {
        let probe = AppState(decks: [DeckLoader.bundled()], width: 100, height: 30, now: t0)
        let fact = probe.rows.lazy.compactMap { probe.decks.node(at: $0.path)?.facts.first }.first!.id
        let card = CardProgress(factID: fact, state: .review, stability: 3, difficulty: 5,
                                due: t0.adding(milliseconds: 90_000), lastReview: t0, reps: 2)
        var state = AppState(decks: [DeckLoader.bundled()], width: 100, height: 30, now: t0, progress: [fact: card])
        let root = NodePath([0])
        #expect(state.nodeProgress[root]?.due == 0)
        #expect(state.wakeUpAfter == 60_000) // at most a minute; the card is due in 90 s
        AppUpdate.update(&state, .clockTicked(t0.adding(milliseconds: 60_000)))
        #expect(state.nodeProgress[root]?.due == 0)
        #expect(state.wakeUpAfter == 30_000)
        AppUpdate.update(&state, .clockTicked(t0.adding(milliseconds: 91_000)))
        #expect(state.nodeProgress[root]?.due == 1)
        #expect(state.wakeUpAfter == nil)
    }
}

@Suite("Quiz keys while typing")
struct QuizTypingKeyTests {
    @Test func lettersTypeAndOnlyEnterBackspaceEscAndCtrlUAreCommands() {
        var state = AppState(decks: [DeckLoader.bundled()], width: 100, height: 30,
                             now: Timestamp(milliseconds: 1_795_597_200_000))
        AppUpdate.update(&state, .keyPressed("s"))
        // The first fact of the post that can be asked as a typed question.
        var ids: [FactID] = []
        state.decks[0].root.forEachNode { ids += $0.facts.map(\.id) }
        let question = ids.lazy.compactMap { state.questionGenerator!.question(for: $0, kind: .clozeTyped, seed: 1) }.first
        var quiz = state.quiz!
        quiz.session.current = question
        quiz.question = question
        state.screen = .quiz(quiz)
        #expect(state.keyContext == .quizTyping)
        for key in ["q", "u", "?", "Space", "1", "Backspace", "t", "f"] { AppUpdate.update(&state, .keyPressed(key)) }
        #expect(state.quiz?.typed == "qu? tf")
        #expect(state.isRunning)
        #expect(AppUpdate.update(&state, .keyPressed("Ctrl-U")) == [])
        #expect(state.quiz?.typed == "")
    }
}
