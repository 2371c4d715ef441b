#if canImport(Glibc)
import Glibc
#endif
import AppCore
import CThreadPlacement
import DeckKit
import Dispatch
import StudyCore
import Synchronization

/// Makes the question generator on a second core while the full screen
/// opens (the notes checked for changes, the terminal started, the first
/// frame drawn), so that `s` finds it ready.
///
/// On a 100,000-fact post, the first `s` spent about 80 ms building the
/// generator's index over the whole deck (its fact-id map), the glossary of
/// bold and code terms and the analyses of the 350 facts near the topic
/// that a search for options reads; a question on the bundled post takes a
/// millisecond. They are now about 6, 9 and 12 ms (`QuestionBenchmark
/// --session`), made in the order a first question needs them: the index,
/// the analyses near the topic, then the glossary (read only for a plain
/// one-word term). The screen usually takes longer than that to open after the
/// posts are loaded, and the second core is idle then: it starts once the store
/// is open (`EarlyStoreOpen` may be reading the cards there until then) and
/// the parse worker is done.
///
/// The generator reaches the state as `.questionsPrepared`, through
/// `update`, when the run loop polls `arrived()` after an event once its
/// index is made; the thread goes on with the analyses near the first
/// topic and the glossary in the same generator (a question that needs the
/// glossary while it is being made waits for it rather than making another).
/// Nothing else waits for the thread: if `s` comes before the hand-over,
/// the session builds a generator of its own (the same questions,
/// `QuestionPreparationTests`) and the prepared one is dropped; so does a
/// quit, which does not join it.
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
    /// Signalled once, when the generator is handed over (`waitForMade`).
    private let handedOver = DispatchSemaphore(value: 0)

    private init(decks: [Deck]) {
        self.decks = decks
        near = AppState.firstSelectedFacts(in: decks)
    }

    /// The thread's `nice` (Linux schedules threads apart: this is its own):
    /// the preparation is about 100 ms of work for a 100,000-fact post.
    static let niceness: Int32 = 10

    /// How long a key that starts a session waits for the generator: the
    /// index is made in 15-30 ms on a 100,000-fact post, and a session
    /// that makes its own takes 30-70 ms.
    static let longestWait = 60

    /// Starts the thread; nil when no thread could be started (the session
    /// then builds the generator when it starts, as before).
    static func begin(decks: [Deck]) -> QuestionPreparation? {
        let preparation = QuestionPreparation(decks: decks)
        var thread = pthread_t()
        let context = Unmanaged.passRetained(preparation).toOpaque()
        let status = awsml_thread_start_elsewhere(&thread, { raw in
            let preparation = Unmanaged<QuestionPreparation>.fromOpaque(raw!).takeRetainedValue()
            // Below the main thread: on an idle core this changes nothing,
            // but on a busy machine the screen's opening comes first. (On
            // Linux a nice value is a thread's own, and 0 names the caller.)
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, QuestionPreparation.niceness)
            let generator = QuestionGenerator(decks: preparation.decks)
            // Handed over as soon as its index is made: an `s` that comes
            // during the rest finds what is done so far (the glossary, the
            // analyses: caches of the generator, behind mutexes held only to
            // read or store them) and works out the rest itself.
            preparation.made.withLock { $0 = generator }
            preparation.handedOver.signal()
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

    /// The prepared generator as an action once its index is made, waiting
    /// for it `milliseconds` at most (a key that starts a session:
    /// `AppRunLoop.awaitQuestions`); nil when it is not made by then (the
    /// session makes its own) or was handed over already.
    func waitForMade(milliseconds: Int) -> AppAction? {
        guard !delivered.load(ordering: .relaxed) else { return nil }
        if made.withLock({ $0 }) == nil { _ = handedOver.wait(timeout: .now() + .milliseconds(milliseconds)) }
        return arrived()
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
