import ArgumentParser
import Portal
import PortalCommandLine

struct ThemeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "theme",
        abstract: "Work with the look of the site.",
        subcommands: [Copy.self])

    struct Copy: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "copy",
            abstract: "Write the built-in theme's files into the theme folder, to change them.",
            discussion: """
                portal uses each file in the theme folder in place of the built-in one, and the \
                built-in theme for the rest. Copy only what you want to change, e.g.
                  portal theme copy site.css
                Nothing is overwritten: if a file is already there, nothing is written.
                """)

        @Argument(help: ArgumentHelp(
            "The files to copy, e.g. site.css or templates/layout.mustache (default: all of them).", valueName: "file"))
        var files: [String] = []

        @Option(help: ArgumentHelp("The theme folder to write into.", valueName: "folder"))
        var theme = "Theme"

        func run() throws {
            do {
                let written = try ThemeCopy.write(ThemeCopy.files(named: files), into: theme)
                for path in written where written.count <= 3 { print("Wrote \(path)") }
                if written.count > 3 { print("Wrote \(written.count) files into \(theme)/.") }
                print("Change what you need; portal uses these in place of its own. Delete any you leave unchanged,")
                print("so they follow new versions of portal. See the result with: portal serve")
            } catch let failure as ThemeCopy.Failure {
                Terminal.error("error: \(failure.description)")
                throw ExitCode.failure
            } catch let failure as NewFiles.Failure {
                Terminal.error("error: \(failure.description)")
                Terminal.error("Copy only the files you still need, e.g. portal theme copy site.css, or move the old ones away first.")
                throw ExitCode.failure
            }
        }
    }
}
