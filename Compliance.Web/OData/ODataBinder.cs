// Expression builders return Expression on purpose (callers compose them); ODL 8's Edm.Date is the parser's Date literal.
#pragma warning disable CA1859, CS0618
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.OData;
using Microsoft.OData.Edm;
using Microsoft.OData.UriParser;

namespace Compliance.Web.OData;

/// <summary>A query the client asked for that we refuse: unsupported, or over a limit. Answers 400 with the OData error body.</summary>
public sealed class ODataQueryException(string message, string? target = null) : Exception(message)
{
    public string? Target { get; } = target;
}

/// <summary>What a projected row holds, in order: the selected properties, then one value per expanded navigation.</summary>
public sealed record ODataShape(ODataType Type, IReadOnlyList<PropertyInfo> Properties, IReadOnlyList<ODataExpandShape> Expands);

/// <summary>An expanded navigation: a list of rows (collections) or one row or null (references).</summary>
public sealed record ODataExpandShape(ODataNavigation Navigation, ODataShape Shape, bool? Count = null);

/// <summary>
/// Translates parsed OData query options into LINQ over the DbContext, so the database filters, sorts, pages and
/// projects. Everything is built from the EDM's own nodes; literals become parameters (one cached plan per query shape)
/// and keep the type the parser gave them (<c>lt 20.5</c> compares as decimal).
/// </summary>
public sealed partial class ODataBinder(ODataModel model, ComplianceDbContext db, ODataLimits limits)
{
    private readonly Dictionary<string, Expression> rangeVariables = [];
    private int nodes;

    public IQueryable Where(IQueryable source, ODataType type, FilterClause? filter, string target = "$filter")
    {
        if (filter is null) return source;
        var lambda = Predicate(type, filter.Expression, filter.RangeVariable, target);
        return Query(source.Provider, StaticCall(typeof(Queryable), nameof(Queryable.Where), [type.Clr], source.Expression, Expression.Quote(lambda)));
    }

    /// <summary>Sorts by the requested keys, then by Id so that pages never overlap or skip rows.</summary>
    public IQueryable OrderBy(IQueryable source, ODataType type, OrderByClause? orderBy)
    {
        var expression = source.Expression;
        var first = true;
        foreach (var (key, descending) in SortKeys(type, orderBy))
        {
            var method = (first ? "OrderBy" : "ThenBy") + (descending ? "Descending" : "");
            expression = StaticCall(typeof(Queryable), method, [type.Clr, key.ReturnType], expression, Expression.Quote(key));
            first = false;
        }
        return Query(source.Provider, expression);
    }

    public static IQueryable Page(IQueryable source, Type clr, int skip, int take)
    {
        var expression = source.Expression;
        if (skip > 0) expression = StaticCall(typeof(Queryable), nameof(Queryable.Skip), [clr], expression, Parameter(skip));
        expression = StaticCall(typeof(Queryable), nameof(Queryable.Take), [clr], expression, Parameter(take));
        return Query(source.Provider, expression);
    }

    /// <summary>
    /// source.Where(e => keys.Select(k => k.Id).Contains(e.Id)): the rows whose key the (sorted, paged) key query returns,
    /// in SQL <c>WHERE "Id" IN (SELECT "Id" … ORDER BY … LIMIT … OFFSET …)</c>.
    /// </summary>
    public static IQueryable WithKeysIn(IQueryable source, IQueryable keys, Type clr)
    {
        var id = clr.GetProperty("Id")!.PropertyType;
        var k = Expression.Parameter(clr, "k");
        var ids = StaticCall(typeof(Queryable), nameof(Queryable.Select), [clr, id], keys.Expression, Expression.Quote(Expression.Lambda(Expression.Property(k, "Id"), k)));
        var e = Expression.Parameter(clr, "e");
        var contains = StaticCall(typeof(Queryable), nameof(Queryable.Contains), [id], ids, Expression.Property(e, "Id"));
        return Query(source.Provider, StaticCall(typeof(Queryable), nameof(Queryable.Where), [clr], source.Expression, Expression.Quote(Expression.Lambda(contains, e))));
    }

    /// <summary>source.Select(e => new object?[] { e.A, e.B, …, expanded… }), and the shape that reads it back.</summary>
    public IQueryable<object?[]> Select(IQueryable source, ODataType type, SelectExpandClause? clause, out ODataShape shape)
    {
        var row = Expression.Parameter(type.Clr, "e");
        var body = Projection(type, clause, row, 0, out shape);
        var lambda = Expression.Lambda(body, row);
        return source.Provider.CreateQuery<object?[]>(
            StaticCall(typeof(Queryable), nameof(Queryable.Select), [type.Clr, typeof(object?[])], source.Expression, Expression.Quote(lambda)));
    }

    private IEnumerable<(LambdaExpression Key, bool Descending)> SortKeys(ODataType type, OrderByClause? orderBy)
    {
        var keyed = false;
        for (var clause = orderBy; clause is not null; clause = clause.ThenBy)
        {
            var lambda = Predicate(type, clause.Expression, clause.RangeVariable, "$orderby", boolean: false);
            if (clause.Expression is SingleValuePropertyAccessNode { Property.Name: "Id", Source: ResourceRangeVariableReferenceNode }) keyed = true;
            yield return (lambda, clause.Direction == OrderByDirection.Descending);
        }
        if (!keyed)
        {
            var row = Expression.Parameter(type.Clr, "e");
            yield return (Expression.Lambda(Expression.Property(row, "Id"), row), false);
        }
    }

    private LambdaExpression Predicate(ODataType type, SingleValueNode node, RangeVariable variable, string target, bool boolean = true)
    {
        var row = Expression.Parameter(type.Clr, variable.Name == "$it" ? "e" : variable.Name);
        rangeVariables[variable.Name] = row;
        nodes = 0;
        try
        {
            var body = Bind(node, target);
            if (boolean && body.Type == typeof(bool?)) body = Expression.Equal(body, Expression.Constant(true, typeof(bool?)));
            if (boolean && body.Type != typeof(bool)) throw new ODataQueryException($"The {target} expression is not a Boolean condition.", target);
            return Expression.Lambda(body, row);
        }
        finally
        {
            rangeVariables.Remove(variable.Name);
        }
    }

    private Expression Projection(ODataType type, SelectExpandClause? clause, Expression row, int depth, out ODataShape shape)
    {
        var properties = new List<PropertyInfo>();
        var expands = new List<ODataExpandShape>();
        var values = new List<Expression>();
        var all = clause is null || clause.AllSelected || !clause.SelectedItems.OfType<PathSelectItem>().Any();
        var selected = clause?.SelectedItems.OfType<PathSelectItem>()
            .Select(p => p.SelectedPath.LastSegment).OfType<PropertySegment>().Select(p => p.Property.Name).ToHashSet() ?? [];
        foreach (var property in type.Properties.Values)
        {
            if (!all && !selected.Contains(property.Name)) continue;
            properties.Add(property);
            values.Add(Expression.Convert(Expression.Property(row, property), typeof(object)));
        }
        foreach (var item in clause?.SelectedItems.OfType<ExpandedNavigationSelectItem>() ?? [])
        {
            if (depth >= limits.MaxExpandDepth)
                throw new ODataQueryException($"$expand is limited to {limits.MaxExpandDepth} level(s).", "$expand");
            if (item.PathToNavigationProperty.LastSegment is not NavigationPropertySegment segment || item.PathToNavigationProperty.Count != 1)
                throw new ODataQueryException("Only navigation properties of the set itself can be expanded.", "$expand");
            if (item.LevelsOption is not null || item.SearchOption is not null || item.ComputeOption is not null || item.ApplyOption is not null)
                throw new ODataQueryException("$levels, $search, $compute and $apply are not supported inside $expand.", "$expand");
            var nav = type.Navigations[segment.NavigationProperty.Name];
            values.Add(Expression.Convert(Expanded(nav, item, row, depth, out var inner), typeof(object)));
            expands.Add(new ODataExpandShape(nav, inner));
        }
        shape = new ODataShape(type, properties, expands);
        return Expression.NewArrayInit(typeof(object), values);
    }

    private Expression Expanded(ODataNavigation nav, ExpandedNavigationSelectItem item, Expression row, int depth, out ODataShape shape)
    {
        var target = nav.TargetType;
        var source = nav.Targets(db, row);
        var element = Expression.Parameter(target.Clr, "x");
        var projection = Expression.Lambda(Projection(target, item.SelectAndExpand, element, depth + 1, out shape), element);
        if (!nav.IsCollection)
        {
            if (item.FilterOption is not null || item.OrderByOption is not null || item.TopOption is not null || item.SkipOption is not null || item.CountOption is not null)
                throw new ODataQueryException($"'{nav.Name}' is a single entity; $filter, $orderby, $top, $skip and $count do not apply to it.", "$expand");
            return Call(nameof(Queryable.FirstOrDefault), Call(nameof(Queryable.Select), source, [target.Clr, typeof(object?[])], projection), [typeof(object?[])]);
        }
        if (item.CountOption == true) throw new ODataQueryException("$count inside $expand is not supported.", "$expand");
        if (item.FilterOption is { } filter)
            source = Call(nameof(Queryable.Where), source, [target.Clr], Predicate(target, filter.Expression, filter.RangeVariable, "$expand($filter)"));
        var first = true;
        foreach (var (key, descending) in SortKeys(target, item.OrderByOption))
        {
            source = Call((first ? "OrderBy" : "ThenBy") + (descending ? "Descending" : ""), source, [target.Clr, key.ReturnType], key);
            first = false;
        }
        var take = (int)Math.Min(item.TopOption ?? limits.MaxExpandedRows, limits.MaxExpandedRows);
        if (item.SkipOption is { } skip and > 0) source = Call(nameof(Queryable.Skip), source, [target.Clr], Parameter(checked((int)skip)));
        source = Call(nameof(Queryable.Take), source, [target.Clr], Parameter(take));
        source = Call(nameof(Queryable.Select), source, [target.Clr, typeof(object?[])], projection);
        return StaticCall(typeof(Enumerable), nameof(Enumerable.ToList), [typeof(object?[])], source);
    }

    // ---- $filter / $orderby expressions ----

    private Expression Bind(QueryNode node, string target)
    {
        if (++nodes > limits.MaxFilterNodes)
            throw new ODataQueryException($"The {target} expression has more than {limits.MaxFilterNodes} nodes; simplify it.", target);
        return node switch
        {
            ConstantNode constant => Constant(constant),
            ConvertNode convert => ConvertTo(Bind(convert.Source, target), convert.TypeReference),
            BinaryOperatorNode binary => Binary(binary, target),
            UnaryOperatorNode { OperatorKind: UnaryOperatorKind.Not } not => Expression.Not(Boolean(Bind(not.Operand, target))),
            UnaryOperatorNode negate => Expression.Negate(Bind(negate.Operand, target)),
            ResourceRangeVariableReferenceNode range => rangeVariables.TryGetValue(range.Name, out var variable) ? variable
                : throw new ODataQueryException($"Unknown range variable '{range.Name}'.", target),
            SingleValuePropertyAccessNode access => Property(access, target),
            SingleNavigationNode navigation => SingleNavigation(navigation, target),
            SingleValueFunctionCallNode call => Function(call, target),
            InNode @in => In(@in, target),
            AnyNode any => AnyAll(any.Source, any.CurrentRangeVariable, any.Body, all: false, target),
            AllNode all => AnyAll(all.Source, all.CurrentRangeVariable, all.Body, all: true, target),
            // Edm.Int64, as the parser types it.
            CountNode count => Expression.Convert(Call(nameof(Queryable.Count), CollectionSource(count.Source, target), [ElementType(CollectionSource(count.Source, target))]), typeof(long)),
            _ => throw new ODataQueryException($"'{node.Kind}' expressions are not supported in {target}.", target),
        };
    }

    private static Expression Boolean(Expression e) => e.Type == typeof(bool?) ? Expression.Equal(e, Expression.Constant(true, typeof(bool?))) : e;

    private Expression Property(SingleValuePropertyAccessNode access, string target)
    {
        var name = access.Property.Name;
        if (access.Source is SingleNavigationNode navigation)
        {
            // Reference navigation: (T?)db.Targets.Where(t => t.Id == e.ForeignKey).Select(t => t.Name).FirstOrDefault()
            var nav = Navigation(navigation.NavigationProperty, navigation.Source, out var parent, target);
            var element = Expression.Parameter(nav.TargetType.Clr, "t");
            Expression value = Expression.Property(element, nav.TargetType.Properties[name]);
            value = Nullable(value);
            var selected = Call(nameof(Queryable.Select), nav.Targets(db, parent), [nav.TargetType.Clr, value.Type], Expression.Lambda(value, element));
            return Call(nameof(Queryable.FirstOrDefault), selected, [value.Type]);
        }
        var instance = Bind(access.Source, target);
        var type = model.TypeOf((IEdmStructuredType)access.Source.TypeReference.Definition);
        return Expression.Property(instance, type.Properties[name]);
    }

    private static Expression SingleNavigation(SingleNavigationNode navigation, string target) =>
        throw new ODataQueryException($"'{navigation.NavigationProperty.Name}' is an entity; compare one of its properties (e.g. {navigation.NavigationProperty.Name}/Id).", target);

    private ODataNavigation Navigation(IEdmNavigationProperty property, SingleResourceNode source, out Expression parent, string target)
    {
        if (source is SingleNavigationNode)
            throw new ODataQueryException("Navigation paths go one level deep.", target);
        parent = Bind(source, target);
        var type = model.TypeOf(property.DeclaringType);
        return type.Navigations[property.Name];
    }

    private Expression CollectionSource(CollectionNode node, string target) => node switch
    {
        CollectionNavigationNode navigation when navigation.Source is not SingleNavigationNode =>
            Navigation(navigation.NavigationProperty, navigation.Source, out var parent, target).Targets(db, parent),
        _ => throw new ODataQueryException("Only collection navigations of the row itself (e.g. Products/any(p: …)) are supported.", target),
    };

    private Expression AnyAll(CollectionNode collection, RangeVariable? variable, SingleValueNode body, bool all, string target)
    {
        var source = CollectionSource(collection, target);
        var element = ElementType(source);
        if (variable is null) return Call(nameof(Queryable.Any), source, [element]); // Products/any(): not empty
        if (rangeVariables.Count > 1) throw new ODataQueryException("any/all do not nest.", target);
        var parameter = Expression.Parameter(element, variable.Name);
        rangeVariables[variable.Name] = parameter;
        try
        {
            var lambda = Expression.Lambda(Boolean(Bind(body, target)), parameter);
            return Call(all ? nameof(Queryable.All) : nameof(Queryable.Any), source, [element], lambda);
        }
        finally
        {
            rangeVariables.Remove(variable.Name);
        }
    }

    private Expression In(InNode node, string target)
    {
        var left = Bind(node.Left, target);
        if (node.Right is not CollectionConstantNode list)
            throw new ODataQueryException("'in' takes a list of literals, e.g. Country in ('CN','VN').", target);
        if (list.Collection.Count > limits.MaxInListItems)
            throw new ODataQueryException($"'in' takes at most {limits.MaxInListItems} values.", target);
        var listType = typeof(List<>).MakeGenericType(left.Type);
        var values = (System.Collections.IList)Activator.CreateInstance(listType)!;
        foreach (var item in list.Collection) values.Add(Literal(item.Value, left.Type, target));
        var box = Expression.Property(Expression.Constant(Activator.CreateInstance(typeof(Box<>).MakeGenericType(listType), values)), "Value");
        return StaticCall(typeof(Enumerable), nameof(Enumerable.Contains), [left.Type], box, left);
    }

    private Expression Binary(BinaryOperatorNode node, string target)
    {
        // The parser promotes Int32 against a decimal literal to Edm.Single on both sides (Tier lt 20.1 → real < 20.1f),
        // which loses the literal's exact value. Undo that promotion and let Balance pick decimal instead.
        var (l, r) = (node.Left, node.Right);
        if (NavigationIsNull(node, target) is { } isNull) return isNull;
        if (IsFloatingPromotion(l) || IsFloatingPromotion(r)) (l, r) = (Unpromote(l), Unpromote(r));
        var left = Bind(l, target);
        var right = Bind(r, target);
        if (node.OperatorKind is BinaryOperatorKind.And or BinaryOperatorKind.Or)
        {
            left = Boolean(left);
            right = Boolean(right);
            return node.OperatorKind == BinaryOperatorKind.And ? Expression.AndAlso(left, right) : Expression.OrElse(left, right);
        }
        (left, right) = Balance(left, right, target);
        if (left.Type == typeof(string) && node.OperatorKind is BinaryOperatorKind.GreaterThan or BinaryOperatorKind.GreaterThanOrEqual or BinaryOperatorKind.LessThan or BinaryOperatorKind.LessThanOrEqual)
        {
            // string.Compare(a, b) op 0: the database compares the strings.
            left = Expression.Call(typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!, left, right);
            right = Expression.Constant(0);
        }
        try
        {
            return node.OperatorKind switch
            {
                BinaryOperatorKind.Equal => Expression.Equal(left, right),
                BinaryOperatorKind.NotEqual => Expression.NotEqual(left, right),
                BinaryOperatorKind.GreaterThan => Expression.GreaterThan(left, right),
                BinaryOperatorKind.GreaterThanOrEqual => Expression.GreaterThanOrEqual(left, right),
                BinaryOperatorKind.LessThan => Expression.LessThan(left, right),
                BinaryOperatorKind.LessThanOrEqual => Expression.LessThanOrEqual(left, right),
                BinaryOperatorKind.Add => Expression.Add(left, right),
                BinaryOperatorKind.Subtract => Expression.Subtract(left, right),
                BinaryOperatorKind.Multiply => Expression.Multiply(left, right),
                BinaryOperatorKind.Divide => Expression.Divide(left, right),
                BinaryOperatorKind.Modulo => Expression.Modulo(left, right),
                _ => throw new ODataQueryException($"The operator '{node.OperatorKind}' is not supported.", target),
            };
        }
        catch (InvalidOperationException)
        {
            throw new ODataQueryException($"The operator '{node.OperatorKind}' does not apply to {Describe(left.Type)} values.", target);
        }
    }

    /// <summary>Parent eq null / Parent ne null: whether the reference finds its row (under the tenant filter).</summary>
    private Expression? NavigationIsNull(BinaryOperatorNode node, string target)
    {
        if (node.OperatorKind is not (BinaryOperatorKind.Equal or BinaryOperatorKind.NotEqual)) return null;
        var (navigation, other) = Strip(node.Left) is SingleNavigationNode left ? (left, Strip(node.Right))
            : Strip(node.Right) is SingleNavigationNode right ? (right, Strip(node.Left)) : (null, null);
        if (navigation is null) return null;
        if (other is not ConstantNode { Value: null })
            throw new ODataQueryException($"'{navigation.NavigationProperty.Name}' is an entity: compare it with null, or compare one of its properties.", target);
        var nav = Navigation(navigation.NavigationProperty, navigation.Source, out var parent, target);
        var exists = Call(nameof(Queryable.Any), nav.Targets(db, parent), [nav.TargetType.Clr]);
        return node.OperatorKind == BinaryOperatorKind.Equal ? Expression.Not(exists) : exists;

        static SingleValueNode Strip(SingleValueNode n) => n is ConvertNode c ? Strip(c.Source) : n;
    }

    private static bool IsFloatingPromotion(SingleValueNode node) => !ReferenceEquals(Unpromote(node), node);

    /// <summary>
    /// The operand before the parser made it floating: the source of a ConvertNode to Single/Double, or a plain decimal
    /// literal (20.1, which the parser types Edm.Single) as the exact decimal the client wrote.
    /// </summary>
    private static SingleValueNode Unpromote(SingleValueNode node) => node switch
    {
        ConvertNode { TypeReference: var to, Source: { TypeReference: { } from } source } when to.IsFloating() && !from.IsFloating() => source,
        ConvertNode { TypeReference: var to, Source: ConstantNode constant } when to.IsFloating() && Unpromote(constant) is var exact && !ReferenceEquals(exact, constant) => exact,
        ConstantNode { TypeReference: { } type, LiteralText: { } text } when type.IsFloating() && PlainDecimal().IsMatch(text)
            && decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var exact) =>
            new ConstantNode(exact, text, EdmCoreModel.Instance.GetDecimal(type.IsNullable)),
        _ => node,
    };

    [System.Text.RegularExpressions.GeneratedRegex(@"^-?[0-9]{1,28}(\.[0-9]{1,28})?$")]
    private static partial System.Text.RegularExpressions.Regex PlainDecimal();

    /// <summary>Brings both operands to one CLR type: null literals take the other side's type, T meets T? as T?.</summary>
    private static (Expression, Expression) Balance(Expression left, Expression right, string target)
    {
        if (IsNull(left) && IsNull(right)) return (Expression.Constant(null, typeof(object)), Expression.Constant(null, typeof(object)));
        if (IsNull(left)) return (Expression.Constant(null, NullableType(right.Type)), Nullable(right));
        if (IsNull(right)) return (Nullable(left), Expression.Constant(null, NullableType(left.Type)));
        if (left.Type == right.Type) return (left, right);
        var l = System.Nullable.GetUnderlyingType(left.Type) ?? left.Type;
        var r = System.Nullable.GetUnderlyingType(right.Type) ?? right.Type;
        if (l == r) return (Nullable(left), Nullable(right));
        if (Numeric(l) is { } lr && Numeric(r) is { } rr)
        {
            // The wider of the two: int → long → decimal; float/double only when a side already is one.
            var wider = lr >= rr ? l : r;
            var nullable = left.Type != l || right.Type != r;
            var to = nullable ? NullableType(wider) : wider;
            return (left.Type == to ? left : Expression.Convert(left, to), right.Type == to ? right : Expression.Convert(right, to));
        }
        // The parser promotes numbers through ConvertNode; what is left is a DateTime column against a DateTimeOffset literal.
        if (l == typeof(DateTime) && r == typeof(DateTimeOffset) && right is MemberExpression { Expression: ConstantExpression })
            return Balance(left, RetypeConstant(right, typeof(DateTime)), target);
        if (r == typeof(DateTime) && l == typeof(DateTimeOffset) && left is MemberExpression { Expression: ConstantExpression })
            return Balance(RetypeConstant(left, typeof(DateTime)), right, target);
        throw new ODataQueryException($"{Describe(left.Type)} and {Describe(right.Type)} values cannot be compared.", target);
    }

    private static Expression RetypeConstant(Expression boxed, Type to)
    {
        var value = Expression.Lambda(boxed).Compile().DynamicInvoke();
        return value is DateTimeOffset dto && to == typeof(DateTime) ? Parameter(dto.UtcDateTime) : boxed;
    }

    private static int? Numeric(Type t) =>
        t == typeof(short) ? 1 : t == typeof(int) ? 2 : t == typeof(long) ? 3 : t == typeof(decimal) ? 4 : t == typeof(float) ? 5 : t == typeof(double) ? 6 : null;

    private static bool IsNull(Expression e) => e is ConstantExpression { Value: null };

    private static string Describe(Type t) => (System.Nullable.GetUnderlyingType(t) ?? t).Name;

    private static Type NullableType(Type t) => t.IsValueType && System.Nullable.GetUnderlyingType(t) is null ? typeof(Nullable<>).MakeGenericType(t) : t;

    private static Expression Nullable(Expression e) => e.Type == NullableType(e.Type) ? e : Expression.Convert(e, NullableType(e.Type));

    private Expression Function(SingleValueFunctionCallNode call, string target)
    {
        var args = call.Parameters.Select(p => Bind(p, target)).ToList();
        Expression Arg(int i, Type type) => args.Count > i && (args[i].Type == type || IsNull(args[i]))
            ? (IsNull(args[i]) ? Expression.Constant(null, type) : args[i])
            : throw new ODataQueryException($"{call.Name}() expects {Describe(type)} arguments.", target);
        Expression Str(int i) => Arg(i, typeof(string));
        // Both providers compare case-sensitively here: SQLite's instr/substr and PostgreSQL's strpos/substring, never
        // SQLite's LIKE (which ignores ASCII case). tolower/toupper fold Unicode the same way on both (see UnicodeCaseFunctions).
        return call.Name switch
        {
            "contains" => Expression.Call(Str(0), typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!, Str(1)),
            "startswith" => StartsWith(Str(0), Str(1)),
            "endswith" => EndsWith(Str(0), Str(1)),
            "tolower" => Expression.Call(Str(0), typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!),
            "toupper" => Expression.Call(Str(0), typeof(string).GetMethod(nameof(string.ToUpper), Type.EmptyTypes)!),
            "trim" => Expression.Call(Str(0), typeof(string).GetMethod(nameof(string.Trim), Type.EmptyTypes)!),
            "length" => Expression.Property(Str(0), nameof(string.Length)),
            "indexof" => Expression.Call(Str(0), typeof(string).GetMethod(nameof(string.IndexOf), [typeof(string)])!, Str(1)),
            "concat" => Expression.Call(typeof(string).GetMethod(nameof(string.Concat), [typeof(string), typeof(string)])!, Str(0), Str(1)),
            "year" or "month" or "day" or "hour" or "minute" or "second" => DatePart(call.Name, args, target),
            _ => throw new ODataQueryException($"The function '{call.Name}' is not supported; use contains, startswith, endswith, tolower, toupper, trim, length, indexof, concat, year, month, day, hour, minute or second.", target),
        };
    }

    /// <summary>substr(a, 1, length(b)) = b: case-sensitive on both providers (SQLite's LIKE prefix match is not).</summary>
    private static Expression StartsWith(Expression text, Expression prefix) =>
        Expression.Equal(
            Expression.Call(text, typeof(string).GetMethod(nameof(string.Substring), [typeof(int), typeof(int)])!, Expression.Constant(0), Expression.Property(prefix, nameof(string.Length))),
            prefix);

    private static Expression EndsWith(Expression text, Expression suffix) =>
        Expression.AndAlso(
            Expression.GreaterThanOrEqual(Expression.Property(text, nameof(string.Length)), Expression.Property(suffix, nameof(string.Length))),
            Expression.Equal(
                Expression.Call(text, typeof(string).GetMethod(nameof(string.Substring), [typeof(int)])!,
                    Expression.Subtract(Expression.Property(text, nameof(string.Length)), Expression.Property(suffix, nameof(string.Length)))),
                suffix));

    private static Expression DatePart(string part, List<Expression> args, string target)
    {
        if (args.Count != 1) throw new ODataQueryException($"{part}() takes one argument.", target);
        var value = args[0];
        var type = System.Nullable.GetUnderlyingType(value.Type) ?? value.Type;
        var member = char.ToUpperInvariant(part[0]) + part[1..];
        if (type != typeof(DateTime) && type != typeof(DateOnly) || type == typeof(DateOnly) && part is "hour" or "minute" or "second")
            throw new ODataQueryException($"{part}() does not apply to {Describe(value.Type)} values.", target);
        if (value.Type != type)
            // (int?)(x.HasValue ? x.Value.Year : null): the database propagates the null.
            return Expression.Condition(Expression.Property(value, "HasValue"),
                Expression.Convert(Expression.Property(Expression.Property(value, "Value"), member), typeof(int?)),
                Expression.Constant(null, typeof(int?)));
        return Expression.Property(value, member);
    }

    private Expression ConvertTo(Expression source, IEdmTypeReference type)
    {
        if (IsNull(source)) return source; // typed when it meets the other operand
        var clr = ClrOf(type);
        if (clr is null) return source;
        var target = source.Type != NullableType(source.Type) || System.Nullable.GetUnderlyingType(source.Type) is not null
            ? (System.Nullable.GetUnderlyingType(source.Type) is not null ? NullableType(clr) : clr)
            : clr;
        // DateTime columns are Edm.DateTimeOffset in the model, but stay DateTime in the query.
        if ((System.Nullable.GetUnderlyingType(source.Type) ?? source.Type) == typeof(DateTime) && clr == typeof(DateTimeOffset)) return source;
        return source.Type == target ? source : Expression.Convert(source, target);
    }

    private Type? ClrOf(IEdmTypeReference type)
    {
        if (type.IsEnum()) return model.ClrEnum(type.AsEnum().EnumDefinition());
        return type.PrimitiveKind() switch
        {
            EdmPrimitiveTypeKind.String => typeof(string),
            EdmPrimitiveTypeKind.Int32 => typeof(int),
            EdmPrimitiveTypeKind.Int64 => typeof(long),
            EdmPrimitiveTypeKind.Int16 => typeof(short),
            EdmPrimitiveTypeKind.Byte => typeof(byte),
            EdmPrimitiveTypeKind.SByte => typeof(sbyte),
            EdmPrimitiveTypeKind.Boolean => typeof(bool),
            EdmPrimitiveTypeKind.Guid => typeof(Guid),
            EdmPrimitiveTypeKind.Decimal => typeof(decimal),
            EdmPrimitiveTypeKind.Double => typeof(double),
            EdmPrimitiveTypeKind.Single => typeof(float),
            EdmPrimitiveTypeKind.DateTimeOffset => typeof(DateTimeOffset),
            EdmPrimitiveTypeKind.Date => typeof(DateOnly),
            _ => null,
        };
    }

    private Expression Constant(ConstantNode constant)
    {
        var value = constant.Value;
        if (value is null) return Expression.Constant(null, typeof(object));
        var clr = constant.TypeReference is { } type ? ClrOf(type) : null;
        return Parameter(Literal(value, clr ?? value.GetType(), "$filter"), clr ?? value.GetType());
    }

    /// <summary>A literal of the parser converted to the CLR type it is compared with, keeping its value exactly.</summary>
    private static object? Literal(object? value, Type type, string target)
    {
        if (value is null) return null;
        var clr = System.Nullable.GetUnderlyingType(type) ?? type;
        try
        {
            return value switch
            {
                ODataEnumValue e when clr.IsEnum => Enum.TryParse(clr, e.Value, ignoreCase: false, out var parsed) && Enum.IsDefined(clr, parsed!)
                    ? parsed : throw new ODataQueryException($"'{e.Value}' is not a {clr.Name}; use one of {string.Join(", ", Enum.GetNames(clr))}.", target),
                string s when clr.IsEnum => Enum.TryParse(clr, s, ignoreCase: false, out var parsed) && Enum.IsDefined(clr, parsed!)
                    ? parsed : throw new ODataQueryException($"'{s}' is not a {clr.Name}; use one of {string.Join(", ", Enum.GetNames(clr))}.", target),
                Date d => new DateOnly(d.Year, d.Month, d.Day),
                DateTimeOffset dto when clr == typeof(DateTime) => dto.UtcDateTime,
                _ when clr.IsInstanceOfType(value) => value,
                IConvertible when clr.IsPrimitive || clr == typeof(decimal) => Convert.ChangeType(value, clr, CultureInfo.InvariantCulture),
                _ => value,
            };
        }
        catch (Exception e) when (e is OverflowException or FormatException or InvalidCastException)
        {
            throw new ODataQueryException($"The literal {value} does not fit {Describe(type)}.", target);
        }
    }

    /// <summary>A value EF Core sends as a parameter (a closure member, not an inlined constant).</summary>
    private static Expression Parameter(object? value, Type type) =>
        Expression.Property(Expression.Constant(Activator.CreateInstance(typeof(Box<>).MakeGenericType(type), value)), "Value");

    /// <summary>A value EF Core sends as a parameter, so that one plan serves every value.</summary>
    public static Expression Parameter<T>(T value) => Expression.Property(Expression.Constant(new Box<T>(value)), nameof(Box<T>.Value));

    private static Type ElementType(Expression source) =>
        source.Type.GetInterfaces().Append(source.Type)
            .First(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)).GetGenericArguments()[0];

    /// <summary>Queryable.M for IQueryable sources (with quoted lambdas), Enumerable.M for navigation collections.</summary>
    private static Expression Call(string method, Expression source, Type[] types, params Expression[] args)
    {
        var queryable = typeof(IQueryable).IsAssignableFrom(source.Type);
        var arguments = args.Select(a => queryable && a is LambdaExpression ? Expression.Quote(a) : a).Prepend(source).ToArray();
        return StaticCall(queryable ? typeof(Queryable) : typeof(Enumerable), method, types, arguments);
    }

    private readonly record struct MethodKey(Type Owner, string Name, Type T0, Type? T1, Type A0, Type? A1, Type? A2);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<MethodKey, MethodInfo> Methods = new();

    /// <summary>
    /// Expression.Call(owner, name, typeArguments, arguments) with the generic method it resolves remembered: that lookup
    /// (reflection over every overload of Queryable/Enumerable) was most of the cost of building a query.
    /// </summary>
    public static MethodCallExpression StaticCall(Type owner, string name, Type[] typeArguments, params Expression[] arguments)
    {
        if (typeArguments.Length is < 1 or > 2 || arguments.Length is < 1 or > 3)
            return Expression.Call(owner, name, typeArguments, arguments);
        var key = new MethodKey(owner, name, typeArguments[0], typeArguments.Length > 1 ? typeArguments[1] : null,
            arguments[0].Type, arguments.Length > 1 ? arguments[1].Type : null, arguments.Length > 2 ? arguments[2].Type : null);
        if (Methods.TryGetValue(key, out var method)) return Expression.Call(method, arguments);
        var call = Expression.Call(owner, name, typeArguments, arguments);
        Methods.TryAdd(key, call.Method);
        return call;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, Func<IQueryProvider, Expression, IQueryable>> Creators = new();

    /// <summary>provider.CreateQuery&lt;T&gt;(expression) without the per-call reflection of the non-generic CreateQuery.</summary>
    public static IQueryable Query(IQueryProvider provider, Expression expression)
    {
        var element = expression.Type.GetGenericArguments()[0];
        var create = Creators.GetOrAdd(element, static t =>
        {
            var p = Expression.Parameter(typeof(IQueryProvider), "p");
            var e = Expression.Parameter(typeof(Expression), "e");
            var body = Expression.Call(p, nameof(IQueryProvider.CreateQuery), [t], e);
            return Expression.Lambda<Func<IQueryProvider, Expression, IQueryable>>(body, p, e).Compile();
        });
        return create(provider, expression);
    }

    private sealed class Box<T>(T value)
    {
        public T Value { get; } = value;
    }
}

/// <summary>Server limits: page size, largest $top, filter size, expansion depth.</summary>
public sealed class ODataLimits
{
    public int PageSize { get; set; } = 100;
    public int MaxTop { get; set; } = 1000;
    public int MaxFilterNodes { get; set; } = 100;
    public int MaxExpandDepth { get; set; } = 1;
    public int MaxExpandedRows { get; set; } = 100;
    public int MaxInListItems { get; set; } = 100;
    /// <summary>Queries run at once (default: 2 per processor); more wait their turn, oldest first.</summary>
    public int? MaxConcurrentQueries { get; set; }
    /// <summary>Queries that may wait for a turn; beyond that a request is answered 503 at once.</summary>
    public int MaxQueuedQueries { get; set; } = 1000;
}
