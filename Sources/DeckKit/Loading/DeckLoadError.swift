/// Why a post could not be loaded. Its description is the one line the user
/// sees after `awsml-tui: error: `, e.g. `notes.md: line 3: not valid UTF-8`.
public struct DeckLoadError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Reason: Hashable, Sendable {
        case notFound
        case isFolder
        case unreadable(String)
        case notUTF8
        case binary
        case empty
        case noFacts
        case tooLarge(limit: Int)
        /// A FIFO, socket or device: reading it could wait for ever or never end.
        case notRegularFile

        var message: String {
            switch self {
            case .notFound: "no such file"
            case .isFolder: "is a folder, not a Markdown post"
            case .unreadable(let why): "cannot be read: \(why)"
            case .notUTF8: "not valid UTF-8 text"
            case .binary: "looks like a binary file (it contains NUL bytes), not a Markdown post"
            case .empty: "is empty"
            case .noFacts: "no facts found (a fact is a list item or table row under a heading)"
            case .tooLarge(let limit): "is larger than \(limit / 1_048_576) MB, the most a post may be"
            case .notRegularFile: "is not a regular file (a pipe, socket or device); give the path of a Markdown file"
            }
        }
    }

    /// The path as the user gave it.
    public var file: String
    /// The 1-based line the problem is on, where one applies.
    public var line: Int?
    public var reason: Reason

    public init(file: String, line: Int? = nil, reason: Reason) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    public var description: String {
        if let line { return "\(file): line \(line): \(reason.message)" }
        return "\(file): \(reason.message)"
    }
}
