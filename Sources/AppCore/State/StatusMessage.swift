import StudyCore

/// A line for the status bar. It goes at the next key, or on a clock tick
/// once `expiresAt` has passed, so "undid Good on …" does not stay for the
/// rest of the session.
public struct StatusMessage: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// Something done (an undo, a suspension).
        case info
        /// Something failed: an answer not stored, a store error.
        case error
        /// Long work under way (the notes read again): stays over keys
        /// until the work says more or ends, and the screen wakes every
        /// `progressRefreshMilliseconds` to show it move.
        case progress
    }

    public var text: String
    public var kind: Kind
    public var expiresAt: Timestamp

    /// How long a message stays without a key press.
    public static let lifetimeMilliseconds: Int64 = 4_000
    /// Errors stay longer: they must be read.
    public static let errorLifetimeMilliseconds: Int64 = 10_000
    /// How often a progress line is looked at again (issue 14: nothing
    /// blocks for more than 100 ms without showing progress).
    public static let progressRefreshMilliseconds: Int64 = 100
    /// A progress line no news has replaced goes after this long.
    public static let progressLifetimeMilliseconds: Int64 = 60_000

    public init(_ text: String, kind: Kind = .info, at now: Timestamp) {
        self.text = text
        self.kind = kind
        let lifetime = switch kind {
        case .info: Self.lifetimeMilliseconds
        case .error: Self.errorLifetimeMilliseconds
        case .progress: Self.progressLifetimeMilliseconds
        }
        self.expiresAt = now.adding(milliseconds: lifetime)
    }
}
