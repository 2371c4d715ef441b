import DeckKit
import StudyCore

/// A session on screen when the notes are read again (the learner used `e`
/// on a question's feedback or on the summary): it goes on over the new
/// notes rather than waiting for the session to end.
extension AppUpdate {
    /// Puts `quiz` (the session as it was) back on screen over the notes
    /// `state` now holds: facts follow their re-links (`moved`: old id to
    /// new), facts gone from the notes leave the queue, a question up whose
    /// fact changed is made again from the new text, the answers given stay
    /// (they are stored, under the ids the store moved them to).
    ///
    /// - Asking (or a flip card turned): a changed fact's question is asked
    ///   anew; a gone fact's gives way to the next question (or the summary).
    /// - Feedback: the answer and its verdict stand as given (they are about
    ///   the question as it was asked), but the fact shown whole is the fact
    ///   as it now reads, under its new id (a grade changed there replaces
    ///   the stored review, which the store moved with the fact).
    /// - Summary: its misses and lapses follow their facts, so `e` opens
    ///   them where they now are.
    static func followNotes(_ old: QuizState, moved: [FactID: FactID], _ state: inout AppState) {
        let generator = QuestionGenerator(decks: state.decks)
        state.questionGenerator = generator
        var quiz = old
        let factPaths = state.factPaths
        quiz.scope = quiz.scope.compactMap { id in
            let new = moved[id] ?? id
            return factPaths[new] == nil ? nil : new
        }
        let upNow = quiz.session.follow(moved, generator: generator)
        switch quiz.phase {
        case .asking, .revealed:
            switch upNow {
            case .unchanged?, nil:
                break
            case .rebuilt?:
                quiz.question = quiz.session.current
                quiz.phase = .asking
                quiz.typed = ""
                quiz.marked = []
                quiz.shownAt = state.now
            case .gone?:
                advance(&quiz, state)
            }
        case .feedback(var feedback):
            if var question = quiz.question, let new = moved[question.factID] {
                feedback.review.factID = new
                feedback.review.before.factID = new
                feedback.review.after.factID = new
                if let fact = generator.fact(new) {
                    question.factID = new
                    question.fact = fact
                    question.topicPath = generator.topicPath(of: new)
                    quiz.question = question
                }
                quiz.phase = .feedback(feedback)
            } else if var question = quiz.question, let fact = generator.fact(question.factID) {
                // Same id (its text kept), perhaps a detail below it edited.
                question.fact = fact
                quiz.question = question
            }
        case .summary(var summary):
            for index in summary.missedQuestions.indices {
                summary.missedQuestions[index].factID = moved[summary.missedQuestions[index].factID]
                    ?? summary.missedQuestions[index].factID
            }
            summary.lapsed = summary.lapsed.map { moved[$0] ?? $0 }
            summary.misses = summary.misses.map { moved[$0] ?? $0 }
            quiz.phase = .summary(summary)
        case .nothingToDo:
            break
        }
        state.screen = .quiz(quiz)
    }
}
