#if canImport(Glibc)
import Glibc
#endif
import CThreadPlacement
import DeckKit
import SafeText
import Synchronization

/// Reads and parses the posts again, on a thread of its own, when they
/// changed on disk while the full screen is open (`PostWatcher`).
///
/// The watcher did this on the run loop: a 100,000-fact post froze the
/// screen for about a second with nothing said (issue 14: nothing blocks
/// the screen for more than 100 ms without showing progress). Now the run
/// loop goes on, the status bar says how far the reading has got
/// (`progressLine`, polled by the watcher), and the parsed posts are taken
/// once ready (`take`); the store is not touched here, so what follows (the
/// progress re-linked, the screen's new state) happens on the run loop, in
/// order with the answers. Quitting meanwhile does not wait: the thread is
/// detached and only parses.
///
///     let reading = PostReading.begin(files: changed)
///     reading.progressLine()   // "reading notes.md again: 4 of 11 MB…"
///     reading.take()           // nil until done, then .loaded(posts) or .failed(reason) once
final class PostReading: Sendable {
    enum Outcome {
        case loaded([LoadedPost])
        /// One line naming the file and why it no longer loads.
        case failed(String)
    }

    /// A file to read, with the identity it had when its change was seen
    /// (device and inode; nil when it could not be looked at): a file given
    /// twice is read once.
    struct File: Sendable {
        var name: String
        var identity: [UInt64]?
    }

    private let files: [File]
    /// The file being read (as shown) and how far: bytes parsed of its size.
    private let progress = Mutex<(file: String, parsed: Int, total: Int)?>(nil)
    private let outcome = Mutex<Outcome?>(nil)
    private let taken = Atomic<Bool>(false)

    private init(files: [File]) {
        self.files = files
    }

    /// Starts reading `files` on a thread of its own (on the caller's, as
    /// before, when no thread can be started).
    static func begin(files: [File]) -> PostReading {
        let reading = PostReading(files: files)
        var thread = pthread_t()
        let context = Unmanaged.passRetained(reading).toOpaque()
        let status = awsml_thread_start_elsewhere(&thread, { raw in
            let reading = Unmanaged<PostReading>.fromOpaque(raw!).takeRetainedValue()
            reading.read()
            return nil
        }, context)
        if status == 0 {
            pthread_detach(thread)
        } else {
            Unmanaged<PostReading>.fromOpaque(context).release()
            reading.read()
        }
        return reading
    }

    /// The posts, or why they do not load: once, when the reading is done;
    /// nil before and ever after.
    func take() -> Outcome? {
        guard !taken.load(ordering: .relaxed), let done = outcome.withLock({ $0 }) else { return nil }
        taken.store(true, ordering: .relaxed)
        return done
    }

    /// Whether the reading has ended (its outcome not yet taken, or taken).
    var isDone: Bool { outcome.withLock { $0 != nil } }

    /// The status bar's line for the reading so far.
    func progressLine() -> String {
        guard let (file, parsed, total) = progress.withLock({ $0 }) else { return "reading the notes again…" }
        return TerminalSafe.line("reading \(file) again: \(LoadProgressLine.stage(parsed, of: total))…")
    }

    private func read() {
        var posts: [LoadedPost] = []
        var seen: Set<[UInt64]> = []
        let loader = BuildIdentity.current()
        for file in files {
            if let identity = file.identity, !seen.insert(identity).inserted { continue }
            let shown = ArgumentBytes.shown(file.name)
            do {
                progress.withLock { $0 = (shown, 0, 1) }
                var post = PostFile(shown: shown, bytes: try DeckLoader.read(path: ArgumentBytes.bytes(of: file.name), file: shown))
                let fingerprint = loader.map { post.fingerprint(loader: $0) }
                let deck = try DeckLoader.load(consuming: &post.bytes, file: shown) { [self] parsed, total in
                    progress.withLock { $0 = (shown, parsed, total) }
                }
                posts.append(LoadedPost(deck: deck, fingerprint: fingerprint))
            } catch {
                outcome.withLock { $0 = .failed(TerminalSafe.line("\(error)")) }
                return
            }
        }
        outcome.withLock { $0 = .loaded(posts) }
    }
}
