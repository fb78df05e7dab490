using Compliance.Domain.Common;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Compliance.Web.Infrastructure.Http;

public enum Failure
{
    None,
    NotFound,
    Invalid,
    Conflict,
}

/// <summary>
/// What a use case returns: a value, or why not. The API turns it into a status code and ProblemDetails;
/// a Razor page turns it into model-state errors. Either way the user learns the field and the rule.
/// </summary>
public sealed record Outcome<T>(T? Value, Failure Failure = Failure.None, RuleViolations? Errors = null)
{
    public bool Succeeded => Failure == Failure.None;

    public static implicit operator Outcome<T>(T value) => new(value);

    public static Outcome<T> NotFound() => new(default, Failure.NotFound);
    public static Outcome<T> Invalid(RuleViolations errors) => new(default, Failure.Invalid, errors);
    public static Outcome<T> Conflict(string field, string code, string message) => new(default, Failure.Conflict, [new(field, code, message)]);

    public IResult ToHttp(Func<T, IResult> onSuccess) => Failure switch
    {
        Failure.None => onSuccess(Value!),
        Failure.NotFound => Problems.NotFound(),
        Failure.Conflict => Problems.Rules(StatusCodes.Status409Conflict, "Conflict with existing data", Errors!),
        _ => Problems.Rules(StatusCodes.Status400BadRequest, "The request is not valid", Errors!),
    };

    /// <summary>Copies errors onto a page's model state; <paramref name="prefix"/> is the bound property (e.g. "Input").</summary>
    public void AddTo(ModelStateDictionary modelState, string prefix)
    {
        if (Failure == Failure.NotFound) modelState.AddModelError("", "Not found.");
        foreach (var e in Errors ?? []) modelState.AddModelError($"{prefix}.{char.ToUpperInvariant(e.Field[0])}{e.Field[1..]}", e.Message);
    }
}

public static class Problems
{
    public static IResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found");

    /// <summary>400/409 naming each field and rule: <c>errors</c> (field → messages) as ASP.NET Core writes it, and <c>violations</c> with codes.</summary>
    public static IResult Rules(int status, string title, RuleViolations violations) =>
        TypedResults.Problem(new Microsoft.AspNetCore.Mvc.ValidationProblemDetails(violations.ToDictionary())
        {
            Status = status,
            Title = title,
            Extensions = { ["violations"] = violations.Select(v => new { field = v.Field, code = v.Code, message = v.Message }).ToArray() },
        });

    public static IResult Rule(int status, string field, string code, string message) =>
        Rules(status, status switch
        {
            StatusCodes.Status409Conflict => "Conflict with existing data",
            StatusCodes.Status413PayloadTooLarge => "The request is too large",
            _ => "The request is not valid",
        }, [new RuleViolation(field, code, message)]);
}
