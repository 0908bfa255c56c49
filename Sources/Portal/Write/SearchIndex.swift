import CSystem
import Foundation

/// The site's search index, made by Pagefind from the finished pages (those marked
/// `data-pagefind-body`) as the last step before the site is put in place. Pagefind is
/// found where it is installed, never downloaded: a build without it has no index, and the
/// search page then offers the A to Z alone.
public struct SearchIndex: Sendable {
    /// The Pagefind program to run.
    public let program: String

    public init(program: String) {
        self.program = program
    }

    /// The folder inside the site that holds the index.
    public static let folder = "pagefind"

    /// Pagefind, if it is installed: a `pagefind` program on `PATH`, or the one the Python
    /// package brings (`pip install 'pagefind[bin]'`), in site-packages/pagefind_bin/.
    public static func find(
        path: String = ProcessInfo.processInfo.environment["PATH"] ?? "", home: String = NSHomeDirectory()
    ) -> SearchIndex? {
        InstalledProgram.find(["pagefind", "pagefind_extended"], inPackages: "pagefind_bin/pagefind", path: path, home: home)
            .map(SearchIndex.init)
    }

    /// Indexes the site in `site` into `site/pagefind`, made beside it and put in place in
    /// one step: the old index, if any, is whole until the new one is.
    public func build(in site: String) throws(OutputWriter.Failure) {
        let index = "\(site)/\(Self.folder)"
        let staging = "\(site)/.\(Self.folder)-\(getpid())"
        try? FileManager.default.removeItem(atPath: staging)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = ["--site", site, "--output-path", staging, "--silent"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = errors
        do {
            try process.run()
        } catch {
            throw .io("could not run Pagefind (\(program)) to make the search index: \(error.localizedDescription)")
        }
        let said = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            try? FileManager.default.removeItem(atPath: staging)
            let message = String(decoding: said, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw .io("Pagefind could not make the search index\(message.isEmpty ? "" : ": \(message)")")
        }
        if renameat2(PORTAL_AT_FDCWD, staging, PORTAL_AT_FDCWD, index, UInt32(PORTAL_RENAME_EXCHANGE)) == 0 {
            try? FileManager.default.removeItem(atPath: staging)
        } else if rename(staging, index) != 0 {
            try? FileManager.default.removeItem(atPath: staging)
            throw .io("could not put the search index in place: \(String(cString: strerror(errno)))")
        }
    }
}
