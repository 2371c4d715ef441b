import DeckKit

/// A fact's progress moved from one id to another because the notes changed
/// (`FactRelinker`), as the store records it: undoable, and carrying the
/// first id of the fact's line (`origin`), which an Anki export uses as the
/// note's guid so a re-imported note is updated, not duplicated.
public struct FactLink: Hashable, Sendable {
    /// A move to make: the old id, the new one, and why ("edited", "moved", …).
    public struct Move: Hashable, Sendable {
        public var old: FactID
        public var new: FactID
        public var reason: String
        /// The new fact as it reads, kept as its text from now on (nil: the
        /// old text stays until the fact is next answered).
        public var fact: KnownFact?

        public init(old: FactID, new: FactID, reason: String, fact: KnownFact? = nil) {
            self.old = old
            self.new = new
            self.reason = reason
            self.fact = fact
        }
    }

    /// The store's row id.
    public var id: Int64
    public var old: FactID
    public var new: FactID
    public var origin: FactID
    /// The fact's text before the change, as the store kept it.
    public var oldText: String
    public var reason: String
    public var linkedAt: Timestamp

    public init(id: Int64, old: FactID, new: FactID, origin: FactID, oldText: String, reason: String,
                linkedAt: Timestamp) {
        self.id = id
        self.old = old
        self.new = new
        self.origin = origin
        self.oldText = oldText
        self.reason = reason
        self.linkedAt = linkedAt
    }
}
