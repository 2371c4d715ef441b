#if canImport(Glibc)
import Glibc
#endif
import AppCore
import CThreadPlacement
import DeckKit
import StudyCore
import Synchronization

/// Makes the question generator on a second core while the full screen
/// opens (the store read, the notes checked for changes, the terminal
/// started, the first frame drawn), so that `s` finds it ready.
///
/// On a 100,000-fact post, the first `s` spent about 80 ms building the
/// generator's index over the whole deck (its fact-id map), the glossary of
/// bold and code terms and the analyses of the 350 facts near the topic
/// that a search for options reads; a question on the bundled post takes a
/// millisecond. The screen takes longer than that to open after the posts
/// are loaded, and the second core is idle then (the store was opened
/// early, `EarlyStoreOpen`; the parse worker is done).
///
/// The generator reaches the state as `.questionsPrepared`, through
/// `update`, when the run loop polls `arrived()` after an event once the
/// index and the glossary are made; the thread goes on warming the analyses
/// near the first topic in the same generator. Nothing ever waits
/// for the thread: if `s` comes first, the session builds a generator of
/// its own (the same questions, `QuestionPreparationTests`) and the
/// prepared one is dropped; so does a quit, which does not join it.
///
///     let preparation = QuestionPreparation.begin(decks: decks)
///     runLoop.incoming = { preparation?.arrived() }
final class QuestionPreparation: Sendable {
    private let decks: [Deck]
    /// The facts `s` studies if pressed at once (the node the tree selects first).
    private let near: [FactID]
    /// Set once by the thread; taken once by the run loop.
    private let made = Mutex<QuestionGenerator?>(nil)
    private let delivered = Atomic<Bool>(false)

    private init(decks: [Deck]) {
        self.decks = decks
        near = AppState.firstSelectedFacts(in: decks)
    }

    /// Starts the thread; nil when no thread could be started (the session
    /// then builds the generator when it starts, as before).
    static func begin(decks: [Deck]) -> QuestionPreparation? {
        let preparation = QuestionPreparation(decks: decks)
        var thread = pthread_t()
        let context = Unmanaged.passRetained(preparation).toOpaque()
        let status = awsml_thread_start_elsewhere(&thread, { raw in
            let preparation = Unmanaged<QuestionPreparation>.fromOpaque(raw!).takeRetainedValue()
            let generator = QuestionGenerator(decks: preparation.decks)
            generator.prepare()
            // Handed over before the warm-up: an `s` that comes during it
            // finds the index and the glossary made, and the analyses done
            // so far (the caches are the generator's, behind mutexes).
            preparation.made.withLock { $0 = generator }
            generator.prepare(near: preparation.near)
            return nil
        }, context)
        guard status == 0 else {
            Unmanaged<QuestionPreparation>.fromOpaque(context).release()
            return nil
        }
        // Never joined: a quit does not wait for it.
        pthread_detach(thread)
        return preparation
    }

    /// The prepared generator as an action, the first time it is asked for
    /// once the thread is done; nil before, and ever after.
    func arrived() -> AppAction? {
        guard !delivered.load(ordering: .relaxed) else { return nil }
        guard let generator = made.withLock({ $0 }) else { return nil }
        delivered.store(true, ordering: .relaxed)
        return .questionsPrepared(generator)
    }
}
