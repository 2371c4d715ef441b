import DeckKit

/// A deck as the loader made it from a post (its title not yet kept apart
/// from the other posts'), with the fingerprint its outline is kept under;
/// nil for the bundled post, or when the build cannot be named.
struct LoadedPost: Sendable {
    var deck: Deck
    var fingerprint: PostFingerprint?
}
