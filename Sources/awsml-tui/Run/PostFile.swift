import DeckKit

/// A post file as read, not parsed yet: the name it was given as (shown as
/// the terminal shows it) and its bytes.
struct PostFile {
    let shown: String
    /// Empty once parsed (`DeckSource.parse` spends them).
    var bytes: [UInt8]

    /// What names this parse of it (`loader`: `BuildIdentity.current()`).
    func fingerprint(loader: String) -> PostFingerprint {
        PostFingerprint(bytes: bytes, file: shown, loader: loader)
    }
}
