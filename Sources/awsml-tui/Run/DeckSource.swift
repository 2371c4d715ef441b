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
        guard !files.isEmpty else { return [DeckLoader.bundled()] }
        var decks: [Deck] = []
        // Each file already loaded, by device and inode, with the name it was first given as.
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
            do {
                var line = LoadProgressLine(file: shown)
                defer { line.clear() }
                decks.append(try DeckLoader.load(path: path, file: shown) { parsed, total in line.show(parsed, of: total) })
            } catch {
                throw CommandFailure.report(error)
            }
            if let identity { loaded[identity] = shown }
        }
        return Deck.keptApart(decks)
    }

    /// A file as the system knows it, whatever path names it.
    private struct FileIdentity: Hashable {
        var device: dev_t
        var inode: ino_t
    }
}
