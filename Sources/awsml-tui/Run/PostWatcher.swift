#if canImport(Glibc)
import Glibc
#endif
import AppCore
import DeckKit
import ProgressSQLite
import SafeText
import StudyCore

/// Reads the posts again when they change on disk while the full screen is
/// open (another editor, `git pull`, a sync tool): once a second at most it
/// compares each file's inode, size and modification time with what it saw;
/// on a change it loads the posts, re-links the progress of changed facts in
/// the store (`NotesChanges`) and hands `update` the result, or the reason
/// the posts no longer load (the last good version stays on screen).
///
/// It waits while anything but the tree is on screen (a session's question
/// and answers keep their facts; the stats, "what changed", help and a search
/// keep what they show) and looks again once back in the tree; but after
/// `e` (`lookNow`) it reads them at once, in a session too, which then
/// follows the notes (`AppUpdate.followNotes`): the learner edited the
/// fact on screen to see it changed.
/// An mtime check on clock ticks rather than inotify: it needs no thread and
/// sees a file replaced by rename (as most editors save) like any other.
final class PostWatcher {
    /// How often the files are looked at, in milliseconds.
    static let interval = 1_000
    /// How long a changed file must have been left alone before it is read,
    /// in milliseconds.
    static let quietPeriod = 300

    private let files: [String]
    private let store: SQLiteProgressStore
    private var stamps: [FileStamp?]
    private var lastLook: Int64
    /// The editor of `e` has closed since the last look: read the posts
    /// now, even in a session.
    private var editorClosed = false
    /// The posts being read again, if they are.
    private var reading: PostReading?
    /// The last progress line handed to `update`.
    private var progressShown: String?
    /// Posts read, waiting to be taken once back in the tree.
    private var parsed: [LoadedPost]?
    /// Whether `parsed` were read after `e` in a session (taken there).
    private var parsedAfterEdit = false
    /// The outlines of posts read again, kept off the run loop.
    private var upkeeps: [StoreUpkeep] = []

    /// What a file looked like: a change to any of these is a change.
    private struct FileStamp: Equatable {
        var device: UInt64
        var inode: UInt64
        var size: Int64
        var modifiedSeconds: Int64
        var modifiedNanoseconds: Int64
    }

    init(files: [String], store: SQLiteProgressStore) {
        self.files = files
        self.store = store
        stamps = files.map(Self.stamp)
        lastLook = Self.monotonicMilliseconds()
    }

    /// What the run loop hands `update` after each event: how far the
    /// posts being read again have got, then what became of them, or an
    /// outline written meanwhile; or, when nothing is under way, whether a
    /// file changed (a reading then starts).
    func check(_ state: AppState) -> AppAction? {
        // Each asked once: `arrived()` hands its action over only once.
        for upkeep in upkeeps { if let ended = upkeep.arrived() { return ended } }
        if let reading {
            guard let outcome = reading.take() else {
                let line = reading.progressLine()
                guard line != progressShown else { return nil }
                progressShown = line
                return .postsReading(line)
            }
            self.reading = nil
            progressShown = nil
            switch outcome {
            case .failed(let reason): return .postsReloadFailed(reason)
            case .loaded(let posts): parsed = posts
            }
        }
        // Only in the tree, with nothing over it: a session, the stats or
        // "what changed" screen, help or a search being typed keep what they
        // show, and the posts are taken once back in the tree. A session
        // where `e` was just used takes them at once.
        if let parsed {
            guard state.screen == .browse || (parsedAfterEdit && state.quiz != nil), state.overlay == nil else {
                return state.message?.kind == .progress ? .postsReading(nil) : nil
            }
            self.parsed = nil
            return take(parsed)
        }
        let afterEdit = editorClosed && state.quiz != nil
        guard state.screen == .browse || afterEdit, state.overlay == nil else { return nil }
        let now = Self.monotonicMilliseconds()
        guard now - lastLook >= Int64(Self.interval) else { return nil }
        lastLook = now
        editorClosed = false
        let current = files.map(Self.stamp)
        guard current != stamps else { return nil }
        // A file written in the last moments may be half written (an editor
        // or a sync tool mid-save): look again shortly, once it is quiet,
        // rather than re-link against a truncated post. Not after `e`: the
        // editor has closed.
        if !afterEdit, current.contains(where: { $0.map(Self.isFresh) ?? false }) {
            lastLook = now - Int64(Self.interval) + Int64(Self.quietPeriod)
            return nil
        }
        stamps = current
        let reading = PostReading.begin(files: zip(files, current).map { file, stamp in
            PostReading.File(name: file, identity: stamp.map { [$0.device, $0.inode] })
        })
        self.reading = reading
        parsedAfterEdit = afterEdit
        // A small post is read by the time it is asked (no line shown).
        if reading.isDone { return check(state) }
        progressShown = reading.progressLine()
        return .postsReading(progressShown)
    }

    /// The posts read again, taken on the run loop (in order with the
    /// answers): the progress of changed facts re-linked in the store
    /// (`NotesChanges`), then the screen's new decks; their outlines for
    /// `stats` are kept off the run loop (`StoreUpkeep`), as at opening.
    private func take(_ posts: [LoadedPost]) -> AppAction {
        do {
            let decks = Deck.keptApart(posts.map(\.deck))
            let cards = try store.loadCards()
            let now = SystemClock.now()
            let changes = try NotesChanges.follow(decks: decks, cards: cards, store: store, now: now, apply: true)
            let upkeep = StoreUpkeep(store: store, posts: posts, now: now)
            upkeeps.removeAll { $0.hasEnded }
            upkeeps.append(upkeep)
            upkeep.start()
            return .postsReloaded(ReloadedPosts(decks: decks, progress: changes.applied(to: cards),
                                                summary: changes.summary, changes: changes))
        } catch {
            return .postsReloadFailed(TerminalSafe.line("the progress store: \(error)"))
        }
    }

    /// Ends the outlines' upkeep at quitting (each `StoreUpkeep.stop()`:
    /// the store closes whole); a reading under way is left to end by itself.
    func stop() {
        for upkeep in upkeeps { upkeep.stop() }
    }

    /// Looks at the files at the next check, whatever the time (the editor
    /// opened with `e` has just closed).
    func lookNow() {
        lastLook = Int64.min / 2
        editorClosed = true
    }

    private static func stamp(_ file: String) -> FileStamp? {
        var info = FileStatus()
        guard CPath.status(ArgumentBytes.bytes(of: file), &info) == 0 else { return nil }
        return FileStamp(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
                         modifiedSeconds: Int64(info.st_mtim.tv_sec), modifiedNanoseconds: Int64(info.st_mtim.tv_nsec))
    }

    /// Whether the file was modified less than `quietPeriod` ago (by the
    /// wall clock, as file times are; a time in the future counts as fresh
    /// only within the same period, so a skewed clock cannot hold reloads off).
    private static func isFresh(_ stamp: FileStamp) -> Bool {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        let now = Int64(time.tv_sec) * 1000 + Int64(time.tv_nsec) / 1_000_000
        let modified = stamp.modifiedSeconds * 1000 + stamp.modifiedNanoseconds / 1_000_000
        return abs(now - modified) < Int64(quietPeriod)
    }

    private static func monotonicMilliseconds() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Int64(time.tv_sec) * 1000 + Int64(time.tv_nsec) / 1_000_000
    }
}
