using Compliance.Domain.Common;

namespace Compliance.Web.Features.Suppliers.Import;

/// <summary>The file as a whole cannot be imported (empty, binary, malformed, over a limit): nothing is imported.</summary>
public sealed class ImportFileException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;

    public RuleViolations ToViolations() => [new RuleViolation("file", Code, Message)];
}
