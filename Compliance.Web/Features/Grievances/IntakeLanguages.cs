using Compliance.Domain.Grievances;

namespace Compliance.Web.Features.Grievances;

/// <summary>The words of the public grievance form and follow-up page, in the languages the form is offered in.</summary>
public sealed record IntakeText(
    string Tag, string NativeName, string Title, string Intro, string NoRetaliation, string Anonymous,
    string CategoryLabel, IReadOnlyDictionary<GrievanceCategory, string> Categories,
    string DescriptionLabel, string DescriptionHint, string WorkplaceLabel, string ContactLabel, string ContactHint, string Submit,
    string ReceiptTitle, string ReceiptIntro, string ReceiptCodeLabel, string PassphraseLabel, string AcknowledgeBy,
    string FollowUpTitle, string FollowUpIntro, string FollowUpSubmit, string NotFound, string StatusLabel,
    IReadOnlyDictionary<GrievanceStatus, string> Statuses, string MessagesTitle, string FromYou, string FromHandler, string NoMessages,
    string ReplyLabel, string ReplySubmit, string HotlineTitle, string Hotline, string LanguageLabel, string TooMany);

public static partial class IntakeLanguages
{
    public const string DefaultTag = "en";

    /// <summary>Hotline run by Polaris for the US Department of Health and Human Services (shown on every intake page).</summary>
    public const string HotlinePhone = "1-844-888-FREE";
    public const string HotlineEmail = "help@befree.org";

    public static IReadOnlyList<IntakeText> All { get; } =
    [
        new("en", "English",
            "Report a concern", "Tell us about a problem at work: at our company or at one of our suppliers. We read every report and answer.",
            "You will not be punished for reporting. Retaliation against anyone who reports is forbidden.",
            "You do not need to give your name. Contact details are optional.",
            "What is it about?", Categories(
                "I have not been paid, or my pay is held back", "My passport or ID card is kept by someone else",
                "I paid fees to get this job, or I owe a debt I cannot repay", "The job is not what I was promised",
                "I am not free to leave the workplace or the housing", "I was threatened, hit or harassed",
                "I must work too many hours, or cannot refuse overtime", "Working or living conditions are unsafe",
                "Children are working", "I was punished for speaking up", "Something else"),
            "What happened?", "Where and when, and who is affected. Please do not include other people's names unless needed.",
            "Workplace or supplier name (optional)", "Contact details (optional)", "Phone, e-mail or messaging app, if you want us to reach you.",
            "Send report",
            "Your report was received", "Write down these two codes. You need both to see our answer and to send more information. We cannot show the passphrase again.",
            "Receipt code", "Passphrase", "We will acknowledge your report by",
            "Follow up on a report", "Enter your receipt code and passphrase.", "Show my report",
            "No report matches this receipt code and passphrase.", "Status",
            Statuses("Received", "Acknowledged", "Being investigated", "Confirmed", "Not confirmed", "Remedied", "Closed"),
            "Messages", "You", "Case handler", "No messages yet.", "Send more information or a question", "Send",
            "Need help now?", "Global Human Trafficking Hotline (free, confidential, 24 hours, many languages):", "Language",
            "Too many attempts. Please wait a few minutes and try again."),
        new("es", "Español",
            "Denunciar un problema", "Cuéntenos sobre un problema en el trabajo: en nuestra empresa o en uno de nuestros proveedores. Leemos y respondemos cada denuncia.",
            "No será castigado por denunciar. Está prohibido tomar represalias contra quien denuncia.",
            "No necesita dar su nombre. Los datos de contacto son opcionales.",
            "¿De qué se trata?", Categories(
                "No me han pagado o retienen mi salario", "Otra persona guarda mi pasaporte o documento de identidad",
                "Pagué para conseguir este trabajo o tengo una deuda que no puedo pagar", "El trabajo no es lo que me prometieron",
                "No soy libre de salir del lugar de trabajo o del alojamiento", "Me amenazaron, golpearon o acosaron",
                "Debo trabajar demasiadas horas o no puedo negarme a las horas extra", "Las condiciones de trabajo o de vivienda son peligrosas",
                "Hay niños trabajando", "Me castigaron por hablar", "Otra cosa"),
            "¿Qué pasó?", "Dónde y cuándo, y a quién afecta. Por favor, no incluya nombres de otras personas si no es necesario.",
            "Lugar de trabajo o proveedor (opcional)", "Datos de contacto (opcional)", "Teléfono, correo o aplicación de mensajería, si quiere que le contactemos.",
            "Enviar denuncia",
            "Recibimos su denuncia", "Anote estos dos códigos. Necesita ambos para ver nuestra respuesta y enviar más información. No podemos volver a mostrar la contraseña.",
            "Código de recibo", "Contraseña", "Confirmaremos la recepción antes del",
            "Seguimiento de una denuncia", "Escriba su código de recibo y su contraseña.", "Ver mi denuncia",
            "Ninguna denuncia coincide con este código y esta contraseña.", "Estado",
            Statuses("Recibida", "Confirmada la recepción", "En investigación", "Comprobada", "No comprobada", "Reparada", "Cerrada"),
            "Mensajes", "Usted", "Responsable del caso", "Aún no hay mensajes.", "Enviar más información o una pregunta", "Enviar",
            "¿Necesita ayuda ahora?", "Línea directa mundial contra la trata de personas (gratuita, confidencial, 24 horas, en muchos idiomas):", "Idioma",
            "Demasiados intentos. Espere unos minutos y vuelva a intentarlo."),
        new("zh-Hans", "简体中文",
            "举报问题", "请告诉我们工作中的问题：在我们公司或我们的供应商处。我们会阅读并回复每一份举报。",
            "您不会因举报而受到惩罚。禁止对举报人进行任何报复。",
            "您无需提供姓名。联系方式为选填。",
            "举报内容是什么？", Categories(
                "我没有拿到工资，或工资被扣留", "我的护照或身份证被他人扣押",
                "我为得到这份工作付了费用，或欠下无法偿还的债务", "工作与承诺的不一样",
                "我不能自由离开工作场所或宿舍", "我受到威胁、殴打或骚扰",
                "我必须工作过长时间，或不能拒绝加班", "工作或居住条件不安全",
                "有儿童在工作", "我因提出问题而受到惩罚", "其他"),
            "发生了什么？", "在哪里、什么时候、影响了谁。如非必要，请不要写其他人的姓名。",
            "工作场所或供应商名称（选填）", "联系方式（选填）", "如果希望我们联系您，请留下电话、电子邮件或通讯软件。",
            "提交举报",
            "我们已收到您的举报", "请记下这两个号码。查看我们的答复或补充信息时，两个都需要。口令无法再次显示。",
            "回执编号", "口令", "我们将在以下日期前确认收到：",
            "查询举报进展", "请输入回执编号和口令。", "查看我的举报",
            "没有与该回执编号和口令相符的举报。", "状态",
            Statuses("已收到", "已确认", "调查中", "属实", "不属实", "已整改", "已结案"),
            "消息", "您", "案件负责人", "暂无消息。", "补充信息或提出问题", "发送",
            "现在需要帮助吗？", "全球人口贩运求助热线（免费、保密、24小时、多种语言）：", "语言",
            "尝试次数过多。请等几分钟后再试。"),
        new("hi", "हिन्दी",
            "शिकायत दर्ज करें", "काम पर किसी समस्या के बारे में बताएं: हमारी कंपनी में या हमारे किसी आपूर्तिकर्ता के यहाँ। हम हर शिकायत पढ़ते हैं और जवाब देते हैं।",
            "शिकायत करने पर आपको सज़ा नहीं दी जाएगी। शिकायत करने वाले के खिलाफ बदले की कार्रवाई मना है।",
            "आपको अपना नाम देने की ज़रूरत नहीं है। संपर्क जानकारी वैकल्पिक है।",
            "शिकायत किस बारे में है?", Categories(
                "मुझे वेतन नहीं मिला, या मेरा वेतन रोका गया है", "मेरा पासपोर्ट या पहचान पत्र किसी और के पास रखा गया है",
                "इस नौकरी के लिए मैंने शुल्क दिया, या मुझ पर ऐसा कर्ज़ है जो मैं चुका नहीं सकता", "नौकरी वैसी नहीं है जैसा वादा किया गया था",
                "मैं कार्यस्थल या आवास छोड़ने के लिए स्वतंत्र नहीं हूँ", "मुझे धमकाया, मारा या परेशान किया गया",
                "मुझे बहुत ज़्यादा घंटे काम करना पड़ता है, या ओवरटाइम से मना नहीं कर सकता", "काम या रहने की स्थिति असुरक्षित है",
                "बच्चे काम कर रहे हैं", "आवाज़ उठाने पर मुझे सज़ा दी गई", "कुछ और"),
            "क्या हुआ?", "कहाँ और कब, और कौन प्रभावित है। ज़रूरी न हो तो दूसरों के नाम न लिखें।",
            "कार्यस्थल या आपूर्तिकर्ता का नाम (वैकल्पिक)", "संपर्क जानकारी (वैकल्पिक)", "अगर आप चाहते हैं कि हम आपसे संपर्क करें तो फ़ोन, ई-मेल या मैसेजिंग ऐप।",
            "शिकायत भेजें",
            "आपकी शिकायत मिल गई है", "ये दोनों कोड लिख लें। हमारा जवाब देखने और और जानकारी भेजने के लिए दोनों चाहिए। पासफ़्रेज़ दोबारा नहीं दिखाया जा सकता।",
            "रसीद कोड", "पासफ़्रेज़", "हम इस तारीख तक आपकी शिकायत की पुष्टि करेंगे:",
            "शिकायत की स्थिति देखें", "अपना रसीद कोड और पासफ़्रेज़ लिखें।", "मेरी शिकायत दिखाएँ",
            "इस रसीद कोड और पासफ़्रेज़ से कोई शिकायत नहीं मिली।", "स्थिति",
            Statuses("मिली", "पुष्टि हुई", "जाँच चल रही है", "सही पाई गई", "सही नहीं पाई गई", "सुधार किया गया", "बंद"),
            "संदेश", "आप", "मामले के अधिकारी", "अभी कोई संदेश नहीं।", "और जानकारी या सवाल भेजें", "भेजें",
            "अभी मदद चाहिए?", "ग्लोबल ह्यूमन ट्रैफ़िकिंग हॉटलाइन (मुफ़्त, गोपनीय, 24 घंटे, कई भाषाओं में):", "भाषा",
            "बहुत अधिक प्रयास। कुछ मिनट रुककर फिर से कोशिश करें।"),
        new("vi", "Tiếng Việt",
            "Báo cáo vấn đề", "Hãy cho chúng tôi biết về vấn đề tại nơi làm việc: tại công ty chúng tôi hoặc tại một nhà cung cấp của chúng tôi. Chúng tôi đọc và trả lời mọi báo cáo.",
            "Bạn sẽ không bị trừng phạt vì đã báo cáo. Nghiêm cấm trả thù người báo cáo.",
            "Bạn không cần cho biết tên. Thông tin liên lạc là không bắt buộc.",
            "Vấn đề là gì?", Categories(
                "Tôi không được trả lương, hoặc lương bị giữ lại", "Hộ chiếu hoặc giấy tờ tùy thân của tôi bị người khác giữ",
                "Tôi đã trả phí để có việc này, hoặc tôi mắc nợ không thể trả", "Công việc không như đã hứa",
                "Tôi không được tự do rời nơi làm việc hoặc chỗ ở", "Tôi bị đe dọa, đánh đập hoặc quấy rối",
                "Tôi phải làm quá nhiều giờ, hoặc không thể từ chối làm thêm giờ", "Điều kiện làm việc hoặc chỗ ở không an toàn",
                "Có trẻ em đang làm việc", "Tôi bị trừng phạt vì đã lên tiếng", "Vấn đề khác"),
            "Chuyện gì đã xảy ra?", "Ở đâu, khi nào, và ai bị ảnh hưởng. Vui lòng không ghi tên người khác nếu không cần thiết.",
            "Tên nơi làm việc hoặc nhà cung cấp (không bắt buộc)", "Thông tin liên lạc (không bắt buộc)", "Số điện thoại, email hoặc ứng dụng nhắn tin, nếu bạn muốn chúng tôi liên lạc.",
            "Gửi báo cáo",
            "Chúng tôi đã nhận được báo cáo của bạn", "Hãy ghi lại hai mã này. Bạn cần cả hai để xem câu trả lời và gửi thêm thông tin. Chúng tôi không thể hiển thị lại mật khẩu.",
            "Mã biên nhận", "Mật khẩu", "Chúng tôi sẽ xác nhận báo cáo của bạn trước ngày",
            "Theo dõi báo cáo", "Nhập mã biên nhận và mật khẩu của bạn.", "Xem báo cáo của tôi",
            "Không có báo cáo nào khớp với mã biên nhận và mật khẩu này.", "Trạng thái",
            Statuses("Đã nhận", "Đã xác nhận", "Đang điều tra", "Có cơ sở", "Không có cơ sở", "Đã khắc phục", "Đã đóng"),
            "Tin nhắn", "Bạn", "Người xử lý", "Chưa có tin nhắn.", "Gửi thêm thông tin hoặc câu hỏi", "Gửi",
            "Cần giúp đỡ ngay?", "Đường dây nóng toàn cầu về mua bán người (miễn phí, bảo mật, 24 giờ, nhiều ngôn ngữ):", "Ngôn ngữ",
            "Quá nhiều lần thử. Vui lòng đợi vài phút rồi thử lại."),
    ];

    public static IEnumerable<string> Tags => All.Select(t => t.Tag);

    public static IntakeText For(string? tag) => All.FirstOrDefault(t => string.Equals(t.Tag, tag, StringComparison.OrdinalIgnoreCase)) ?? All[0];

    /// <summary>
    /// The stored tag for what the reporter chose: one of the form's languages (also from a regional variant such as
    /// es-MX or zh-CN), else any well-formed BCP 47 tag as given (a handler may record a case in another language);
    /// <paramref name="known"/> is false for a malformed tag. No language given means English.
    /// </summary>
    public static string Resolve(string? requested, out bool known)
    {
        known = true;
        if (string.IsNullOrWhiteSpace(requested)) return DefaultTag;
        var tag = requested.Trim();
        foreach (var t in All)
            if (string.Equals(t.Tag, tag, StringComparison.OrdinalIgnoreCase)) return t.Tag;
        var primary = tag.Split('-', '_')[0];
        if (primary.Equals("zh", StringComparison.OrdinalIgnoreCase)) return "zh-Hans";
        foreach (var t in All)
            if (string.Equals(t.Tag, primary, StringComparison.OrdinalIgnoreCase)) return t.Tag;
        known = WellFormed().IsMatch(tag);
        return known ? tag : DefaultTag;
    }

    /// <summary>Whether the tag is one the form itself is written in.</summary>
    public static bool IsFormLanguage(string tag) => All.Any(t => t.Tag == tag);

    /// <summary>The best form language for a browser's Accept-Language header.</summary>
    public static string FromAcceptLanguage(string? header)
    {
        foreach (var part in (header ?? "").Split(',').Select(p => p.Split(';')[0].Trim()).Where(p => p.Length > 0))
        {
            var tag = Resolve(part, out _);
            if (IsFormLanguage(tag)) return tag;
        }
        return DefaultTag;
    }

    private static Dictionary<GrievanceCategory, string> Categories(params string[] words) =>
        Enum.GetValues<GrievanceCategory>().Zip(words).ToDictionary(p => p.First, p => p.Second);

    private static Dictionary<GrievanceStatus, string> Statuses(params string[] words) =>
        Enum.GetValues<GrievanceStatus>().Zip(words).ToDictionary(p => p.First, p => p.Second);

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$")]
    private static partial System.Text.RegularExpressions.Regex WellFormed();
}
