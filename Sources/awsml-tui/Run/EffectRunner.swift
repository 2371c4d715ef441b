import AppCore
import ProgressSQLite
import StudyCore

/// Does the I/O that `update` asks for, and feeds the results back to it as
/// actions. Shared by the full screen and plain mode, so both store answers
/// the same way.
struct EffectRunner {
    let store: SQLiteProgressStore

    func run(_ effects: [Effect], on state: inout AppState) {
        for effect in effects {
            switch effect {
            case .quit:
                state.isRunning = false
            case .saveReview(let review):
                do {
                    try store.record(review)
                } catch {
                    AppUpdate.update(&state, .storeFailed("\(error)"))
                }
            case .undoLastReview:
                do {
                    AppUpdate.update(&state, .reviewUndone(try store.undoLastReview()))
                } catch {
                    AppUpdate.update(&state, .storeFailed("\(error)"))
                }
            case .loadReviewLog:
                do {
                    AppUpdate.update(&state, .reviewLogLoaded(try store.reviewLog()))
                } catch {
                    AppUpdate.update(&state, .storeFailed("\(error)"))
                }
            }
        }
    }
}
