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
    }

    public var text: String
    public var kind: Kind
    public var expiresAt: Timestamp

    /// How long a message stays without a key press.
    public static let lifetimeMilliseconds: Int64 = 4_000
    /// Errors stay longer: they must be read.
    public static let errorLifetimeMilliseconds: Int64 = 10_000

    public init(_ text: String, kind: Kind = .info, at now: Timestamp) {
        self.text = text
        self.kind = kind
        self.expiresAt = now.adding(milliseconds: kind == .error ? Self.errorLifetimeMilliseconds : Self.lifetimeMilliseconds)
    }
}
