#if canImport(Glibc)
import Glibc
#endif
import CThreadPlacement
import DeckKit
import ProgressSQLite
import StudyCore

/// Opens the progress store on a second thread while the command line is
/// parsed and the posts are loaded, so the first frame waits for the slower
/// of the two rather than for both (DESIGN.md §4: start-up against a bare
/// curses program).
///
/// Opening and checking the store took 2.8 ms of a 6 ms start; parsing the
/// arguments and loading the bundled post 1.9 ms. The store is only opened
/// early when it already exists and the command is plainly the full screen:
/// a first run, `--help` or `--plain` take the ordinary path. What the store
/// reports (and in which order errors show) is unchanged:
/// `FullScreenSession` takes the result and handles it as if it had opened
/// the store itself, after any error in the posts.
///
///     let early = EarlyStoreOpen.begin(arguments: ["--store", "p.sqlite"], environment: env, now: now)
///     …
///     let opened = early?.result(forPath: "p.sqlite")   // waits for the thread
final class EarlyStoreOpen: @unchecked Sendable {
    /// What opening gives the full screen. How many new facts were started
    /// today is asked afterwards, by `FullScreenSession`: when the learner's
    /// day began depends on `--day-starts-at`, not yet parsed when this
    /// thread starts.
    struct Opened {
        var store: SQLiteProgressStore
        var cards: [FactID: CardProgress]
        /// How many cards each deck has, counted as `cards` were read.
        var cardsPerDeck: [String: Int]
    }

    let path: String
    private let now: Timestamp
    /// Where the stores found sound are recorded (`StoreCheckRecord`).
    private let checkRecord: String?
    private var thread = pthread_t()
    private var joined = false
    // Written by the opening thread before it ends; read after joining it.
    private var outcome: Result<Opened, any Error>?

    private init(path: String, now: Timestamp, checkRecord: String?) {
        self.path = path
        self.now = now
        self.checkRecord = checkRecord
    }

    /// Starts opening the store the arguments name, when it is safe to do it
    /// early; nil otherwise.
    static func begin(arguments: [String], now: Timestamp) -> EarlyStoreOpen? {
        let ordinaryOnly = ["--plain", "-h", "--help", "--version", "--help-hidden"]
        guard !arguments.contains(where: ordinaryOnly.contains) else { return nil }
        guard let explicit = storeArgument(in: arguments) else { return nil }
        // Only what `StoreLocation` and `StoreCheckRecord` read, without
        // building the whole environment.
        var environment: [String: String] = [:]
        for name in ["XDG_DATA_HOME", "XDG_CACHE_HOME", "HOME"] {
            if let value = getenv(name) { environment[name] = String(cString: value) }
        }
        let path = StoreLocation.path(explicit: explicit, environment: environment)
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let early = EarlyStoreOpen(path: path, now: now, checkRecord: StoreCheckRecord.file(environment: environment))
        // A plain thread, started at once on another core (a dispatch
        // queue's first worker, or a thread left on this core, can start
        // after the main thread has done its part).
        let context = Unmanaged.passRetained(early).toOpaque()
        let status = awsml_thread_start_elsewhere(&early.thread, { raw in
            let early = Unmanaged<EarlyStoreOpen>.fromOpaque(raw!).takeRetainedValue()
            early.outcome = Result { try EarlyStoreOpen.open(path: early.path, now: early.now, checkRecord: early.checkRecord) }
            return nil
        }, context)
        guard status == 0 else {
            Unmanaged<EarlyStoreOpen>.fromOpaque(context).release()
            return nil
        }
        return early
    }

    /// The opened store, or the error opening it gave, once the thread is
    /// done; nil when the path differs from the one opened early.
    func result(forPath path: String) -> Result<Opened, any Error>? {
        guard path == self.path else { return nil }
        if !joined {
            pthread_join(thread, nil)
            joined = true
        }
        return outcome
    }

    /// What `FullScreenSession` does to open the store: open and check it
    /// (unless nothing has written to it since a sound check: a check of a
    /// million-review store was 25-40 ms of this thread, which slowed the
    /// post's load on the other core), and read the cards.
    static func open(path: String, now: Timestamp, checkRecord: String?) throws -> Opened {
        let checks = checkRecord.map { StoreCheckRecord(file: $0, now: now) }
        let store = try SQLiteProgressStore.open(path: path, now: now, dailyBackup: false, checks: checks)
        let (cards, perDeck) = try store.loadCardsCountingDecks()
        return Opened(store: store, cards: cards, cardsPerDeck: perDeck)
    }

    /// The `--store` value (`--store P` or `--store=P`), "" when there is
    /// none (the default location), nil when the arguments are malformed
    /// around it (left to the parser to report).
    private static func storeArgument(in arguments: [String]) -> String? {
        var value = ""
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" { break }
            if argument == "--store" {
                guard index + 1 < arguments.count else { return nil }
                value = arguments[index + 1]
                index += 2
                continue
            }
            if argument.hasPrefix("--store=") { value = String(argument.dropFirst("--store=".count)) }
            index += 1
        }
        return value
    }
}
