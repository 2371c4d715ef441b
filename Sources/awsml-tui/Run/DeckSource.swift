import ArgumentParser
import DeckKit
#if canImport(Glibc)
import Glibc
#endif

/// Loads the decks a command was given, or the bundled one.
enum DeckSource {
    /// The decks for `files`; on a bad file, prints
    /// `awsml-tui: error: <file>: <reason>` and exits with status 2, before
    /// anything else happens. A file is opened by the bytes it was given as
    /// (`ArgumentBytes`), so a name that is not UTF-8 is found.
    ///
    /// A file given twice (by the same name, or by another path to it) is
    /// loaded once, with a warning: two copies of a deck would have the
    /// same fact ids, and a session would ask each fact twice.
    ///
    ///     awsml-tui check a.md a.md
    ///     // awsml-tui: warning: a.md: given more than once; loaded once
    static func load(_ files: [String]) throws -> [Deck] {
        Deck.keptApart(try loadPosts(files).map(\.deck))
    }

    /// The same as `load`, each deck as the loader made it (before
    /// `Deck.keptApart`) with its post's fingerprint, for keeping its
    /// outline in the store (`PostOutlines`).
    static func loadPosts(_ files: [String]) throws -> [LoadedPost] {
        guard !files.isEmpty else { return [LoadedPost(deck: DeckLoader.bundled(), fingerprint: nil)] }
        let loader = BuildIdentity.current()
        var posts: [LoadedPost] = []
        try read(files) { post in
            let fingerprint = loader.map { post.fingerprint(loader: $0) }
            posts.append(LoadedPost(deck: try parse(&post), fingerprint: fingerprint))
        }
        return posts
    }

    /// Reads each file once (with the warnings of `load`), in the order
    /// given, and hands its bytes to `body` before reading the next (one
    /// post's bytes in memory at a time; `parse` spends them); a file that
    /// cannot be read stops it with one line.
    static func read(_ files: [String], _ body: (inout PostFile) throws -> Void) throws {
        // Each file already read, by device and inode, with the name it was first given as.
        var loaded: [FileIdentity: String] = [:]
        var warned: Set<FileIdentity> = []
        for file in files {
            let path = ArgumentBytes.bytes(of: file), shown = ArgumentBytes.shown(file)
            var info = FileStatus()
            let identity = CPath.status(path, &info) == 0 ? FileIdentity(device: info.st_dev, inode: info.st_ino) : nil
            if let identity, let first = loaded[identity] {
                if warned.insert(identity).inserted {
                    StandardError.warning(first == shown ? "\(shown): given more than once; loaded once"
                                                         : "\(shown): the same file as \(first); loaded once")
                }
                continue
            }
            // Made straight into the post, its only holder, so that `parse`
            // can give its pages back as it goes without copying them.
            var post: PostFile
            do {
                post = PostFile(shown: shown, bytes: try DeckLoader.read(path: path, file: shown))
            } catch {
                throw CommandFailure.report(error)
            }
            try body(&post)
            if let identity { loaded[identity] = shown }
        }
    }

    /// The deck of a post read by `read`, with "Loading FILE: N of M MB…"
    /// on stderr while a large one parses; a bad post is one line. The
    /// post's bytes are spent (`DeckLoader.load(consuming:)`): take its
    /// fingerprint first.
    static func parse(_ post: inout PostFile) throws -> Deck {
        do {
            var line = LoadProgressLine(file: post.shown)
            defer { line.clear() }
            return try DeckLoader.load(consuming: &post.bytes, file: post.shown) { parsed, total in line.show(parsed, of: total) }
        } catch {
            throw CommandFailure.report(error)
        }
    }

    /// A file as the system knows it, whatever path names it.
    private struct FileIdentity: Hashable {
        var device: dev_t
        var inode: ino_t
    }
}
