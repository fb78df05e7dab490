using System.Linq.Expressions;
using System.Reflection;
using Compliance.Domain.Attestations;
using Compliance.Domain.Audits;
using Compliance.Domain.Common;
using Compliance.Domain.Grievances;
using Compliance.Domain.Screening;
using Compliance.Domain.Suppliers;
using Compliance.Web.Infrastructure.Persistence;
using Microsoft.OData.Edm;

namespace Compliance.Web.OData;

/// <summary>
/// The entity sets exposed under /odata and the EDM built from them. Adding a set is one <see cref="Set{T}"/> line here
/// (plus its navigations); the EDM, $metadata, binder and writer follow from it.
/// </summary>
public sealed class ODataModel
{
    public const string Namespace = "Compliance";

    /// <summary>
    /// The sets. Grievances are the redacted view every member may see (category, status, dates, deadlines, supplier):
    /// what reporters wrote is encrypted and never exposed here (<see cref="Hidden"/>); handlers read it through the API.
    /// </summary>
    private static IEnumerable<ODataSet> Sets() =>
    [
        Set<Supplier>("Suppliers", db => db.Suppliers)
            .Contains("Products", s => s.Products)
            .Reference("Parent", "Suppliers", s => s.ParentId)
            .Related<Audit>("Audits", "Audits", a => a.SupplierId)
            .Related<Finding>("Findings", "Findings", f => f.SupplierId)
            .Related<CorrectiveAction>("CorrectiveActions", "CorrectiveActions", a => a.SupplierId),
        Set<Audit>("Audits", db => db.Audits)
            .Collection("Findings", "Findings", a => a.Findings)
            .Reference("Supplier", "Suppliers", a => a.SupplierId),
        Set<Finding>("Findings", db => db.Findings)
            .Collection("Actions", "CorrectiveActions", f => f.Actions)
            .Reference("Audit", "Audits", f => f.AuditId)
            .Reference("Supplier", "Suppliers", f => f.SupplierId),
        Set<CorrectiveAction>("CorrectiveActions", db => db.CorrectiveActions)
            .Reference("Finding", "Findings", a => a.FindingId)
            .Reference("Supplier", "Suppliers", a => a.SupplierId),
        Set<RecordedHit>("ScreeningHits", db => db.ScreeningHits)
            .Reference("Supplier", "Suppliers", h => h.SupplierId)
            .Reference("Entry", "RiskListEntries", h => h.RiskListEntryId),
        // Platform editions and the organization's own lists (the query filter decides which).
        Set<RiskListEntry>("RiskListEntries", db => db.RiskListEntries),
        Set<Attestation>("Attestations", db => db.Attestations)
            .Reference("Supplier", "Suppliers", a => a.SupplierId),
        Set<Grievance>("Grievances", db => db.Grievances)
            .Reference("Supplier", "Suppliers", g => g.SupplierId),
    ];

    /// <summary>
    /// Never exposed: the tenant key is the server's business, not the client's; a grievance's encrypted content, the
    /// reporter's credentials and the handler's case notes are for GrievanceHandlers through the API only.
    /// </summary>
    private static readonly HashSet<string> Hidden =
    [
        nameof(ITenantOwned.OrganizationId), nameof(RiskListEntry.OwnerOrganizationId),
        nameof(Grievance.ReceiptCode), nameof(Grievance.PassphraseHash), nameof(Grievance.DescriptionProtected), nameof(Grievance.WorkplaceProtected),
        nameof(Grievance.ContactProtected), nameof(Grievance.AssignedTo), nameof(Grievance.ClosingNote), nameof(Grievance.RetaliationWatch),
        nameof(Grievance.RetaliationFollowUpOn), nameof(Grievance.ReporterGaveContact), nameof(Attestation.TokenHash),
    ];

    private readonly Dictionary<string, ODataSet> setsByName = [];
    private readonly Dictionary<Type, IEdmEntityType> typesByClr = [];
    private readonly Dictionary<IEdmStructuredType, ODataType> byEdm = [];
    private readonly Dictionary<Type, EdmEnumType> enums = [];

    public IEdmModel Edm { get; }

    public ODataModel()
    {
        var model = new EdmModel();
        var container = new EdmEntityContainer(Namespace, "Container");
        model.AddElement(container);
        var sets = Sets().ToList();

        // Types first (the contained Products type too), then navigations, which need their targets.
        foreach (var set in sets)
        {
            set.Type = TypeFor(model, set.ClrType);
            foreach (var nav in set.Navigations.Where(n => n.Kind == NavigationKind.Contained)) nav.TargetType = TypeFor(model, nav.TargetClr);
        }
        foreach (var set in sets) set.EntitySet = container.AddEntitySet(set.Name, set.Type.Edm);
        foreach (var set in sets)
        {
            setsByName[set.Name] = set;
            foreach (var nav in set.Navigations)
            {
                var target = nav.TargetSet is { } name ? sets.Single(s => s.Name == name) : null;
                nav.TargetType ??= target!.Type;
                var edmNav = ((EdmEntityType)set.Type.Edm).AddUnidirectionalNavigation(new EdmNavigationPropertyInfo
                {
                    Name = nav.Name,
                    Target = nav.TargetType.Edm,
                    TargetMultiplicity = nav.IsCollection ? EdmMultiplicity.Many : nav.Optional ? EdmMultiplicity.ZeroOrOne : EdmMultiplicity.One,
                    ContainsTarget = nav.Kind == NavigationKind.Contained,
                });
                if (target is not null) ((EdmEntitySet)set.EntitySet).AddNavigationTarget(edmNav, target.EntitySet);
                nav.Edm = edmNav;
                set.Type.Navigations[nav.Name] = nav;
            }
        }
        Edm = model;
    }

    public ODataSet? FindSet(string name) => setsByName.GetValueOrDefault(name);

    public ODataType TypeOf(IEdmStructuredType type) => byEdm[type];

    public Type? ClrEnum(IEdmEnumType type) => enums.FirstOrDefault(e => e.Value.FullName() == type.FullName()).Key;

    private ODataType TypeFor(EdmModel model, Type clr)
    {
        if (typesByClr.TryGetValue(clr, out var existing)) return byEdm[existing];
        var entity = new EdmEntityType(Namespace, clr.Name);
        var nullability = new NullabilityInfoContext();
        var properties = new Dictionary<string, PropertyInfo>();
        foreach (var p in clr.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (!p.CanWrite || Hidden.Contains(p.Name)) continue;
            var edmType = PrimitiveFor(model, p.PropertyType, nullability.Create(p).ReadState != NullabilityState.NotNull);
            if (edmType is null) continue; // collections of values, navigations: not plain properties
            var property = entity.AddStructuralProperty(p.Name, edmType);
            if (p.Name == "Id") entity.AddKeys(property);
            properties[p.Name] = p;
        }
        model.AddElement(entity);
        typesByClr[clr] = entity;
        var type = new ODataType(clr, entity, properties);
        byEdm[entity] = type;
        return type;
    }

    private IEdmTypeReference? PrimitiveFor(EdmModel model, Type clr, bool nullable)
    {
        var underlying = Nullable.GetUnderlyingType(clr);
        if (underlying is not null) { clr = underlying; nullable = true; }
        if (clr.IsEnum)
        {
            if (!enums.TryGetValue(clr, out var enumType))
            {
                enumType = new EdmEnumType(Namespace, clr.Name);
                foreach (var name in Enum.GetNames(clr))
                    enumType.AddMember(name, new EdmEnumMemberValue(Convert.ToInt64(Enum.Parse(clr, name), System.Globalization.CultureInfo.InvariantCulture)));
                model.AddElement(enumType);
                enums[clr] = enumType;
            }
            return new EdmEnumTypeReference(enumType, nullable);
        }
        var kind = PrimitiveKind(clr);
        return kind is { } k ? EdmCoreModel.Instance.GetPrimitive(k, nullable) : null;
    }

    /// <summary>CLR → EDM primitive. DateTime is stored UTC, so it is an Edm.DateTimeOffset with offset zero.</summary>
    public static EdmPrimitiveTypeKind? PrimitiveKind(Type clr) => clr switch
    {
        _ when clr == typeof(string) => EdmPrimitiveTypeKind.String,
        _ when clr == typeof(int) => EdmPrimitiveTypeKind.Int32,
        _ when clr == typeof(long) => EdmPrimitiveTypeKind.Int64,
        _ when clr == typeof(short) => EdmPrimitiveTypeKind.Int16,
        _ when clr == typeof(bool) => EdmPrimitiveTypeKind.Boolean,
        _ when clr == typeof(Guid) => EdmPrimitiveTypeKind.Guid,
        _ when clr == typeof(decimal) => EdmPrimitiveTypeKind.Decimal,
        _ when clr == typeof(double) => EdmPrimitiveTypeKind.Double,
        _ when clr == typeof(float) => EdmPrimitiveTypeKind.Single,
        _ when clr == typeof(DateTime) => EdmPrimitiveTypeKind.DateTimeOffset,
        _ when clr == typeof(DateTimeOffset) => EdmPrimitiveTypeKind.DateTimeOffset,
        _ when clr == typeof(DateOnly) => EdmPrimitiveTypeKind.Date,
        _ => null,
    };

    private static ODataSet<T> Set<T>(string name, Func<ComplianceDbContext, IQueryable<T>> source) where T : class => new(name, source);
}

public enum NavigationKind
{
    /// <summary>A real collection navigation to rows that have no set of their own (Supplier.Products).</summary>
    Contained,
    /// <summary>A real collection navigation to rows of another set (Audit.Findings).</summary>
    Collection,
    /// <summary>The row of another set whose key this row holds as a foreign key (Audit.Supplier).</summary>
    Reference,
    /// <summary>The rows of another set that hold this row's key (Supplier.Audits).</summary>
    Related,
}

/// <summary>An exposed type: its CLR type, EDM type, plain properties and navigations.</summary>
public sealed class ODataType(Type clr, IEdmEntityType edm, IReadOnlyDictionary<string, PropertyInfo> properties)
{
    public Type Clr { get; } = clr;
    public IEdmEntityType Edm { get; } = edm;
    public IReadOnlyDictionary<string, PropertyInfo> Properties { get; } = properties;
    public Dictionary<string, ODataNavigation> Navigations { get; } = [];
}

/// <summary>
/// A navigation, expressed as the LINQ that reaches its targets from one source row: a collection expression (real
/// navigation, or the target set filtered by foreign key) or, for references, a query of at most one row. Targets come
/// from the context's DbSets, so the tenant filter applies to them as to the root.
/// </summary>
public sealed class ODataNavigation
{
    public required string Name { get; init; }
    public required NavigationKind Kind { get; init; }
    public required Type TargetClr { get; init; }
    public string? TargetSet { get; init; }
    public bool Optional { get; init; }
    public bool IsCollection => Kind != NavigationKind.Reference;
    /// <summary>(context, source row) → IEnumerable&lt;TTarget&gt; (collections) or IQueryable&lt;TTarget&gt; of at most one row (references).</summary>
    public required Func<ComplianceDbContext, Expression, Expression> Targets { get; init; }
    public ODataType TargetType { get; set; } = null!;
    public IEdmNavigationProperty Edm { get; set; } = null!;
}

public abstract class ODataSet(string name, Type clrType)
{
    public string Name { get; } = name;
    public Type ClrType { get; } = clrType;
    public List<ODataNavigation> Navigations { get; } = [];
    public ODataType Type { get; set; } = null!;
    public IEdmEntitySet EntitySet { get; set; } = null!;

    /// <summary>The set's rows for the current tenant (the DbSet; the tenant query filter applies).</summary>
    public abstract IQueryable Source(ComplianceDbContext db);
}

public sealed class ODataSet<T>(string name, Func<ComplianceDbContext, IQueryable<T>> source) : ODataSet(name, typeof(T)) where T : class
{
    public override IQueryable Source(ComplianceDbContext db) => source(db);

    public ODataSet<T> Contains<TTarget>(string name, Expression<Func<T, IEnumerable<TTarget>>> navigation) =>
        Add(name, NavigationKind.Contained, typeof(TTarget), null, false, (_, row) => Rebind(navigation, row));

    public ODataSet<T> Collection<TTarget>(string name, string targetSet, Expression<Func<T, IEnumerable<TTarget>>> navigation) =>
        Add(name, NavigationKind.Collection, typeof(TTarget), targetSet, false, (_, row) => Rebind(navigation, row));

    /// <summary>The target row whose Id equals this row's <paramref name="foreignKey"/>.</summary>
    public ODataSet<T> Reference<TKey>(string name, string targetSet, Expression<Func<T, TKey>> foreignKey) =>
        Add(name, NavigationKind.Reference, ClrOf(targetSet), targetSet,
            Nullable.GetUnderlyingType(typeof(TKey)) is not null,
            (db, row) => WhereKeyEquals(db, targetSet, Rebind(foreignKey, row), "Id"));

    /// <summary>The target rows whose <paramref name="foreignKey"/> equals this row's Id.</summary>
    public ODataSet<T> Related<TTarget>(string name, string targetSet, Expression<Func<TTarget, Guid>> foreignKey) where TTarget : class =>
        Add(name, NavigationKind.Related, typeof(TTarget), targetSet, false, (db, row) =>
        {
            var target = Expression.Parameter(typeof(TTarget), "t");
            var predicate = Expression.Lambda<Func<TTarget, bool>>(
                Expression.Equal(Rebind(foreignKey, target), Expression.Property(row, "Id")), target);
            return ODataBinder.StaticCall(typeof(Queryable), nameof(Queryable.Where), [typeof(TTarget)], ((IQueryable)db.Set<TTarget>()).Expression, Expression.Quote(predicate));
        });

    private ODataSet<T> Add(string name, NavigationKind kind, Type target, string? targetSet, bool optional, Func<ComplianceDbContext, Expression, Expression> targets)
    {
        Navigations.Add(new ODataNavigation { Name = name, Kind = kind, TargetClr = target, TargetSet = targetSet, Optional = optional, Targets = targets });
        return this;
    }

    /// <summary>The CLR type of a set named in a navigation (the sets are declared together, so a name is enough).</summary>
    private static Type ClrOf(string set) => set switch
    {
        "Suppliers" => typeof(Supplier),
        "Audits" => typeof(Audit),
        "Findings" => typeof(Finding),
        "CorrectiveActions" => typeof(CorrectiveAction),
        "ScreeningHits" => typeof(RecordedHit),
        "RiskListEntries" => typeof(RiskListEntry),
        "Grievances" => typeof(Grievance),
        "Attestations" => typeof(Attestation),
        _ => throw new InvalidOperationException($"Unknown OData set {set}."),
    };

    /// <summary>db.Set&lt;TTarget&gt;().Where(t => t.Id == key), the key lifted to nullable when the foreign key is.</summary>
    private static MethodCallExpression WhereKeyEquals(ComplianceDbContext db, string targetSet, Expression key, string targetKey)
    {
        var clr = ClrOf(targetSet);
        var root = ((IQueryable)typeof(ComplianceDbContext).GetMethod(nameof(ComplianceDbContext.Set), System.Type.EmptyTypes)!.MakeGenericMethod(clr).Invoke(db, null)!).Expression;
        var target = Expression.Parameter(clr, "t");
        Expression id = Expression.Property(target, targetKey);
        if (id.Type != key.Type) id = Expression.Convert(id, key.Type);
        var predicate = Expression.Lambda(Expression.Equal(id, key), target);
        return ODataBinder.StaticCall(typeof(Queryable), nameof(Queryable.Where), [clr], root, Expression.Quote(predicate));
    }

    private static Expression Rebind(LambdaExpression lambda, Expression row) =>
        new ReplaceParameter(lambda.Parameters[0], row).Visit(lambda.Body);

    private sealed class ReplaceParameter(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
