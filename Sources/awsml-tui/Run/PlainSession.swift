import AppCore
import AppRuntime
import ArgumentParser
import DeckKit
import ProgressSQLite
import StudyCore
#if canImport(Glibc)
import Glibc
#endif

/// The quiz as plain lines, for screen readers, pipes and `TERM=dumb`: no
/// screen handling and no colour. It drives the same `AppState` and `update`
/// as the full screen, so answers reach the store exactly as they do there.
/// Each question is answered with one line (a number, or the missing term);
/// end of input ends the session on its summary.
///
///     printf '1\n2\n' | awsml-tui quiz --plain --seed 7
struct PlainSession {
    let decks: [Deck]
    /// The decks as loaded, with their fingerprints: their outlines are kept
    /// in the store once it is open (`PostOutlines`).
    var posts: [LoadedPost] = []
    let mode: StudyMode
    let topic: String?
    let storePath: String?
    let options: StudyOptions
    let environment: [String: String]

    func run() throws {
        let now = SystemClock.now()
        let path = StoreLocation.path(explicit: try ArgumentBytes.storePath(storePath), environment: environment)
        let store: SQLiteProgressStore
        var state: AppState
        let changes: NotesChanges
        do {
            // (Not checked again when nothing has written to it since a sound check.)
            store = try SQLiteProgressStore.open(path: path, now: now, checks: StoreCheckRecord.file(environment: environment)
                .map { StoreCheckRecord(file: $0, now: now) })
            let cards = try store.loadCards()
            // Progress follows facts edited, moved or renamed since last time.
            changes = try NotesChanges.follow(decks: decks, cards: cards, store: store, now: now, apply: true)
            state = AppState(decks: decks, width: 80, height: 24, now: now, progress: changes.applied(to: cards),
                             studyOptions: options,
                             newFactsStartedToday: try store.newFactsStarted(
                                since: options.dayBoundary.startOfDay(containing: now)))
        } catch {
            throw CommandFailure.report(error)
        }
        for warning in store.warnings { StandardError.warn(warning) }
        // Each post's outline, for `stats` (a cache: see `PostOutlines.keep`).
        PostOutlines.keep(posts, in: store, now: now)
        if let summary = changes.summary { try StandardOutput.write(summary + " (awsml-tui changes lists them)\n") }
        state.selectedRow = try selectedRow(in: state)
        send(.startSession(mode), to: &state, store: store)
        guard let quiz = state.quiz else {
            try StandardOutput.write("\(state.message?.text ?? "nothing to quiz here")\n")
            return
        }
        try StandardOutput.write("\(mode.rawValue.capitalized) · \(quiz.scopeTitle)\n")
        var number = 0
        while let phase = state.quiz?.phase {
            switch phase {
            case .nothingToDo(let nothing):
                let when = nothing.nextDue.map { "The next fact is due \($0.iso8601)." } ?? "No fact here is scheduled."
                let limit = nothing.newHeldBack > 0
                    ? " Today's limit of new facts is reached (\(nothing.newHeldBack) waiting; --new-per-day raises it)." : ""
                try StandardOutput.write("Nothing to study here right now.\(limit) \(when) Try --mode practice.\n")
                return
            case .summary(let summary):
                try StandardOutput.write(Self.summaryText(summary, days: options.dayBoundary, generator: state.questionGenerator))
                return
            case .asking, .revealed, .feedback:
                guard let question = state.quiz?.question else { return }
                number += 1
                try StandardOutput.write("\n" + Self.questionText(question, number: number))
                var answered = false
                while !answered {
                    try StandardOutput.write(question.kind == .clozeTyped ? "Your answer: "
                                             : question.choosesSeveral ? "Your answers, several (1-\(question.options.count), e.g. 1 3): "
                                             : "Your answer (1-\(question.options.count)): ")
                    guard let line = readLine() else {
                        try StandardOutput.write("\n")
                        send(.endSession, to: &state, store: store)
                        answered = true
                        continue
                    }
                    // Piped answers are not echoed by a terminal: echo them, so the
                    // transcript reads as a dialogue.
                    if isatty(STDIN_FILENO) == 0 { try StandardOutput.write(line + "\n") }
                    let text = line.trimmingCharacters()
                    if text == "q" || text == "quit" {
                        send(.endSession, to: &state, store: store)
                        answered = true
                    } else if question.kind == .clozeTyped {
                        guard !text.isEmpty else { continue }
                        send(.submitTypedAnswer(text), to: &state, store: store)
                        answered = try finish(&state, store: store)
                    } else if question.choosesSeveral {
                        let numbers = text.split { $0 == " " || $0 == "," }.compactMap { Int($0) }
                        guard !numbers.isEmpty, numbers.allSatisfy({ (1...question.options.count).contains($0) }),
                              numbers.count == text.split(whereSeparator: { $0 == " " || $0 == "," }).count else {
                            try StandardOutput.write("Type the numbers of every right option (1 to \(question.options.count)), or q to stop.\n")
                            continue
                        }
                        send(.chooseOptions(numbers.map { $0 - 1 }), to: &state, store: store)
                        answered = try finish(&state, store: store)
                    } else if let choice = Int(text), (1...question.options.count).contains(choice) {
                        send(.chooseOption(choice - 1), to: &state, store: store)
                        answered = try finish(&state, store: store)
                    } else {
                        try StandardOutput.write("Type a number from 1 to \(question.options.count), or q to stop.\n")
                    }
                }
            }
        }
    }

    /// After an answer (already sent to the store): prints the verdict (not
    /// in an exam) and goes on.
    private func finish(_ state: inout AppState, store: SQLiteProgressStore) throws -> Bool {
        if let quiz = state.quiz, case .feedback(let feedback) = quiz.phase, let question = quiz.question {
            try StandardOutput.write(Self.feedbackText(question, feedback))
            send(.acceptSuggestedGrade, to: &state, store: store)
            // Printed only when the store acknowledged the answer: a reader
            // (or a crash test) can count on every "Graded" line being saved.
            if !feedback.saveFailed && state.lastStoreFailure == nil {
                try StandardOutput.write("  Graded \(feedback.suggested.name).\n")
            }
        }
        return true
    }

    private func send(_ action: AppAction, to state: inout AppState, store: SQLiteProgressStore) {
        let runner = EffectRunner(store: store)
        runner.run(AppUpdate.update(&state, .clockTicked(SystemClock.now())), on: &state)
        state.lastStoreFailure = nil
        runner.run(AppUpdate.update(&state, action), on: &state)
        if let failure = state.lastStoreFailure {
            _ = CommandFailure.report(failure.summary)
        }
    }

    /// The tree row for `--topic`: titles from the deck down, separated by " > ",
    /// or one title anywhere; the first deck's root when not given.
    private func selectedRow(in state: AppState) throws -> Int {
        guard let topic, !topic.isEmpty else { return 0 }
        let wanted = topic.split(separator: ">").map { $0.trimmingCharacters().lowercased() }
        for (index, row) in state.rows.enumerated() {
            let titles = state.decks.titles(along: row.path).map { $0.lowercased() }
            if titles.count >= wanted.count && Array(titles.suffix(wanted.count)) == wanted { return index }
        }
        throw CommandFailure.report("no topic \"\(topic)\"; `awsml-tui check` lists them")
    }

    static func questionText(_ question: Question, number: Int) -> String {
        var text = "Question \(number) · \(question.kind.title)"
        if let context = question.context.first { text += " · " + context.split(separator: " › ", omittingEmptySubsequences: false).joined(separator: " > ") }
        text += "\n  " + (question.kind == .trueFalse ? "\"\(question.prompt)\"" : question.prompt) + "\n"
        for (index, option) in question.options.enumerated() { text += "  \(index + 1)) \(option)\n" }
        return text
    }

    static func feedbackText(_ question: Question, _ feedback: QuizState.Feedback) -> String {
        var text = feedback.correct ? "Right." : "Wrong. The answer is \(question.answer)."
        if let typed = feedback.typed, !typed.isExact {
            text += " Your answer against it: " + typed.diff.map { piece in
                switch piece {
                case .same(let part): part
                case .missing(let part): "[+\(part)]"
                case .extra(let part): "[-\(part)]"
                }
            }.joined()
        }
        return text + "\n  Fact: \(question.fact.text.plainText)\n"
    }

    static func summaryText(_ summary: SessionSummary, days: DayBoundary, generator: QuestionGenerator?) -> String {
        let percent = summary.answered == 0 ? 0 : Int((summary.accuracy * 100).rounded())
        var text = "\nSession over: \(summary.answered) answered, \(summary.correct) right (\(percent)%), "
            + "\(summary.durationMilliseconds / 1000) s.\n"
        if summary.mode.updatesSchedule {
            let upcoming = summary.upcoming(in: days)
            text += "Due later today: \(upcoming.laterToday); tomorrow: \(upcoming.tomorrow); "
                + "next 7 days: \(upcoming.nextSevenDays).\n"
        }
        if summary.unanswered > 0 { text += "Unanswered (counted as missed): \(summary.unanswered).\n" }
        if summary.notSaved > 0 { text += "NOT saved (the store refused them): \(summary.notSaved).\n" }
        if !summary.topics.isEmpty {
            text += summary.mode == .exam ? "Score per topic (weakest first):\n" : "Accuracy per topic (weakest first):\n"
            for topic in summary.topics { text += "  \(topic.correct)/\(topic.answered)  \(topic.topic)\n" }
        }
        if !summary.misses.isEmpty, let generator {
            text += "Missed:\n"
            for id in summary.misses { text += "  - \(generator.fact(id)?.text.plainText ?? id.rawValue)\n" }
        }
        return text
    }
}

private extension StringProtocol {
    func trimmingCharacters() -> String {
        var characters = Substring(self)
        while characters.first?.isWhitespace == true { characters = characters.dropFirst() }
        while characters.last?.isWhitespace == true { characters = characters.dropLast() }
        return String(characters)
    }
}

private extension String {
    var capitalized: String { prefix(1).uppercased() + dropFirst() }
}
