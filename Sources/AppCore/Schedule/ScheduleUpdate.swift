import DeckKit
import StudyCore

/// Steering the schedule from the app, as an Anki user expects: suspend a
/// fact (never asked until unsuspended), bury it (not before the learner's
/// next day), and take more new facts today. Suspension and burial are
/// written to the store as the cards they make (`.saveCards`) and can be
/// undone with `u`, which writes back the cards as they were.
extension AppUpdate {
    /// The facts `@` and `-` act on: the fact on the feedback screen; in the
    /// detail, the selected fact; in the tree, every fact of the selected node.
    static func steeringTargets(_ state: AppState) -> [FactID] {
        if let quiz = state.quiz {
            if case .feedback(let feedback) = quiz.phase { return [feedback.review.factID] }
            return []
        }
        guard state.screen == .browse, let node = state.selectedNode else { return [] }
        if state.focus == .detail { return state.selectedFactID.map { [$0] } ?? [] }
        return factIDs(under: node)
    }

    static func toggleSuspend(_ state: inout AppState) -> [Effect] {
        let targets = steeringTargets(state)
        guard !targets.isEmpty else { return [] }
        let suspend = !targets.allSatisfy { state.progress[$0]?.suspended ?? false }
        return changeCards(targets, &state, describe: suspend ? "suspended" : "unsuspended") { card in
            card.suspended = suspend
        }
    }

    static func toggleBury(_ state: inout AppState) -> [Effect] {
        let targets = steeringTargets(state)
        guard !targets.isEmpty else { return [] }
        let now = state.now
        let bury = !targets.allSatisfy { state.progress[$0]?.isBuried(at: now) ?? false }
        let until = state.studyOptions.dayBoundary.startOfNextDay(after: now)
        return changeCards(targets, &state, describe: bury ? "buried until tomorrow" : "unburied") { card in
            card.buriedUntil = bury ? until : nil
        }
    }

    /// Applies `change` to each target's card in memory, asks the store to
    /// write them, and keeps the cards before for `u`.
    private static func changeCards(_ targets: [FactID], _ state: inout AppState, describe verb: String,
                                    _ change: (inout CardProgress) -> Void) -> [Effect] {
        var before: [CardSnapshot] = []
        var after: [CardSnapshot] = []
        for id in targets {
            let deck = state.deckTitle(of: id)
            let old = state.progress[id]
            var card = old ?? .new(factID: id)
            change(&card)
            guard card != old else { continue }
            before.append(CardSnapshot(factID: id, deck: deck, card: old))
            after.append(CardSnapshot(factID: id, deck: deck, card: card))
            state.progress[id] = card
        }
        guard !after.isEmpty else { return [] }
        let what = after.count == 1
            ? "“\(factText(after[0].factID, in: state) ?? after[0].factID.rawValue)”" : "\(after.count) facts"
        state.undoStack.append(.cardChange(before: before, description: "\(verb) \(what)"))
        state.message = StatusMessage("\(verb) \(what) · u undoes", at: state.now)
        state.refreshNodeProgress()
        if var quiz = state.quiz, verb != "unsuspended", verb != "unburied" {
            // Not asked again in this session.
            let gone = Set(after.map(\.factID))
            quiz.session.queue.removeAll { gone.contains($0) }
            quiz.session.pending.removeAll { gone.contains($0.factID) }
            state.screen = .quiz(quiz)
        }
        return [.saveCards(after)]
    }

    /// `+`: ten more new facts today; on the "nothing to study" screen the
    /// study session starts again with them.
    static func raiseNewLimit(_ state: inout AppState) {
        state.extraNewToday = state.extraNewToday.addingReportingOverflow(10).overflow ? Int.max : state.extraNewToday + 10
        let allowed = newFactsAllowed(state)
        state.message = StatusMessage("\(allowed) new fact\(allowed == 1 ? "" : "s") allowed today", at: state.now)
        if let quiz = state.quiz, case .nothingToDo = quiz.phase, quiz.session.mode == .study {
            let message = state.message
            startSession(.study, &state, scope: quiz.scope, title: quiz.scopeTitle)
            state.message = message
        }
    }
}
