import Foundation

/// Folders carried inside the program (Plugins/EmbedFolders writes their contents when
/// portal is built): `theme`, the default theme from the repository's Theme/, and
/// `starter`, the project `portal init` writes, from Starter/.
public enum EmbeddedFolders {}

/// One file carried inside the program, at its path inside its folder.
public struct EmbeddedFile: Sendable {
    public let path: String
    public let bytes: [UInt8]

    init(path: String, base64: String) {
        self.path = path
        self.bytes = Data(base64Encoded: base64).map { [UInt8]($0) } ?? []
    }
}
