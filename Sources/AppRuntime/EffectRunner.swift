import AppCore
import StudyCore

/// Does the I/O that `update` asks for and feeds each result back to it as
/// an action; the effects that action asks for are run in turn, until none
/// are left (the effect loop is closed: `.saveReview` → `.reviewSaved` → …).
/// Shared by the full screen and plain mode, so both store answers the same
/// way. It talks to the `ProgressStore` protocol, not to SQLite.
public struct EffectRunner {
    public let store: any ProgressStore
    /// What the loop does with effects that are not the store's (quit,
    /// repaint, an editor); plain mode has no terminal and ignores them.
    public var terminalEffect: (Effect) -> Void

    public init(store: any ProgressStore, terminalEffect: @escaping (Effect) -> Void = { _ in }) {
        self.store = store
        self.terminalEffect = terminalEffect
    }

    public func run(_ effects: [Effect], on state: inout AppState) {
        var queue = effects
        // Bounded: an action cannot ask for effects for ever.
        var budget = 10_000
        while !queue.isEmpty && budget > 0 {
            budget -= 1
            let effect = queue.removeFirst()
            if let result = perform(effect, &state) {
                queue += AppUpdate.update(&state, result)
            }
        }
    }

    /// Runs one effect; returns what came of it, as an action.
    private func perform(_ effect: Effect, _ state: inout AppState) -> AppAction? {
        switch effect {
        case .quit:
            state.isRunning = false
            terminalEffect(effect)
            return nil
        case .repaint, .editPost:
            terminalEffect(effect)
            return nil
        case .relinkByHand(let old, let new, let reason, let time):
            do {
                // The store skips a move its guard refuses: none made is a refusal.
                let links = try store.relink([FactLink.Move(old: old, new: new.id, reason: reason, fact: new)], now: time)
                return links.isEmpty ? .relinkRefused(old: old, new: new) : .factsRelinked(links)
            } catch {
                return .storeFailed(StoreFailure(.relink, detail: "\(error)"))
            }
        case .undoRelink(let link):
            do {
                return try store.undoRelink(id: link.id) ? .relinkUndone(link) : nil
            } catch {
                return .storeFailed(StoreFailure(.relink, detail: "\(error)"))
            }
        case .saveReview(let review):
            // The store applies the answer to the card it holds and says what
            // it wrote: `update` takes that card as its own.
            do {
                return .reviewSaved(try store.record(review, scheduler: state.scheduler))
            } catch {
                return .storeFailed(StoreFailure(.saveReview(review), detail: "\(error)"))
            }
        case .replaceReview(let id, let review):
            do {
                return .reviewReplaced(try store.replaceReview(id: id, with: review, scheduler: state.scheduler))
            } catch {
                return .storeFailed(StoreFailure(.replaceReview(review), detail: "\(error)"))
            }
        case .undoReview(let id):
            do {
                return .reviewUndone(try store.undoReview(id: id))
            } catch {
                return .storeFailed(StoreFailure(.undo, detail: "\(error)"))
            }
        case .saveCards(let cards):
            do {
                try store.saveCards(cards.map { ($0.factID, $0.deck, $0.card) })
                return .cardsSaved(cards)
            } catch {
                return .storeFailed(StoreFailure(.saveCards, detail: "\(error)"))
            }
        case .loadReviewActivity(let scope, let now):
            do {
                return .reviewActivityLoaded(try store.reviewActivity(of: scope, now: now))
            } catch {
                return .storeFailed(StoreFailure(.loadReviewActivity, detail: "\(error)"))
            }
        case .loadFactHistory(let id):
            do {
                return .factHistoryLoaded(FactHistory(factID: id,
                                                      answers: try store.recentReviews(of: id, limit: FactHistory.shown)))
            } catch {
                return .storeFailed(StoreFailure(.loadFactHistory, detail: "\(error)"))
            }
        }
    }
}
