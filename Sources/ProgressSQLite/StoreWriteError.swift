/// A write the store refused for a reason of its own (not SQLite's).
public enum StoreWriteError: Error, CustomStringConvertible {
    /// The review to replace is gone, or a later answer to its fact exists.
    case reviewNotReplaceable(Int64)

    public var description: String {
        switch self {
        case .reviewNotReplaceable(let id): "review \(id) is gone or is no longer its fact's newest"
        }
    }
}
