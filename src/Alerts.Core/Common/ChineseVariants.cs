namespace Alerts.Core.Common;

/// <summary>
/// Traditional → simplified Chinese, one character each way. Covers every traditional character of the taxonomy and the
/// glossary plus common words of notices; reposts of MOFCOM texts use traditional forms (鎵/鍺/銻 — goods-taxonomy.md §1).
/// Japanese 両 folds to 两 as well so 軍民両用 meets 军民两用. Every other traditional character folds by the complete table
/// embedded as Common/t2s.txt (ICU Hant-Hans).
/// </summary>
internal static class ChineseVariants
{
    private const string Traditional = "兩項軍戶關單實體輕屬釤釓鋱鏑鑥鈧釔鈥鉺銩銪鐿釹鐠鐵鈷設備離煉電爐氫氣術開採鎵銻銦鍺區錠鋅鱗脹純負鋰驅鎳錳組繞疊機礦剛線鋸頂壓鎢銨銅鉍鎘鉬無駕駛飛導圓積蝕矽渦輪發動擴連鈦溫艦潛鈾號於對進決東亞國際會議錄為與這們時個來說後過還點問題經濟產業務辦達貿規條製許證臺灣歐內將據專護應質統計資訊網頁軟處鏈類廣給況態總長執構標準級衛價檢驗測慣紅傳鋁鈮鉭鈀鉑錫鉛鋼鐘銷輸運載鎖鎂鉻釩鋯鉿鈹鈣鈉鉀鋇鍶銫銣鑭鈰釷鈽羅維爾蘭億萬門戰艙彈槍砲訂購貨賣買銀錢幣額稅歲週裡裏麼種從眾兒遠邊鄰陸陽隊階難雙雜靜頭顯風養館馬鳥鹽麥黃齊龍嚴團圍圖廠廢當擁擊擔換損攝數斷書樣權歸歷殺沒滅滿漢災熱獨現環畫異療盡監確穩競節範築簡糧紀約細終結絕綜緊練縣繼續罰義聯聲職聽腦臨興舉華葉蘇複見視親覺觀記訪論評試詳認語調談請識讀變讓財贊車較轉農選遺醫錯鎮間陣險隨頒領頻顧餘鬆両徑駐倫絡側鋒擬蓋彙匯滙瀏覽縮綫輯閱寫極錶鑽礙驟廳劃籤紙碼暫員佈啟優韓紐團夥區劃稱釋闡島韋爾滬廣遼寧黑龍峽灣參與售禦衛慮斷禮納稱謂傾補貼編譯詢繫憑壞";

    private const string Simplified = "两项军户关单实体轻属钐钆铽镝镥钪钇钬铒铥铕镱钕镨铁钴设备离炼电炉氢气术开采镓锑铟锗区锭锌鳞胀纯负锂驱镍锰组绕叠机矿刚线锯顶压钨铵铜铋镉钼无驾驶飞导圆积蚀硅涡轮发动扩连钛温舰潜铀号于对进决东亚国际会议录为与这们时个来说后过还点问题经济产业务办达贸规条制许证台湾欧内将据专护应质统计资讯网页软处链类广给况态总长执构标准级卫价检验测惯红传铝铌钽钯铂锡铅钢钟销输运载锁镁铬钒锆铪铍钙钠钾钡锶铯铷镧铈钍钚罗维尔兰亿万门战舱弹枪炮订购货卖买银钱币额税岁周里里么种从众儿远边邻陆阳队阶难双杂静头显风养馆马鸟盐麦黄齐龙严团围图厂废当拥击担换损摄数断书样权归历杀没灭满汉灾热独现环画异疗尽监确稳竞节范筑简粮纪约细终结绝综紧练县继续罚义联声职听脑临兴举华叶苏复见视亲觉观记访论评试详认语调谈请识读变让财赞车较转农选遗医错镇间阵险随颁领频顾余松两径驻伦络侧锋拟盖汇汇汇浏览缩线辑阅写极表钻碍骤厅划签纸码暂员布启优韩纽团伙区划称释阐岛韦尔沪广辽宁黑龙峡湾参与售御卫虑断礼纳称谓倾补贴编译询系凭坏";

    /// <summary>
    /// Traditional → simplified as one entry per UTF-16 code unit (128 KB, every unmapped character itself): folding a
    /// 20 MB text looks up every character, and an array index costs a fraction of a dictionary probe.
    /// </summary>
    private static readonly char[] s_simplifiedOf = BuildTable(Build());

    /// <summary>The simplified form of <paramref name="c"/>, or <paramref name="c"/> when it has none.</summary>
    public static char Simplify(char c) => s_simplifiedOf[c];

    /// <summary>The text with every mapped traditional character replaced by its simplified form (same length).</summary>
    public static string ToSimplified(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = s_simplifiedOf[source[i]];
            }
        });
    }

    private static char[] BuildTable(Dictionary<char, char> traditionalToSimplified)
    {
        var table = new char[char.MaxValue + 1];
        for (var c = 0; c < table.Length; c++)
        {
            table[c] = (char)c;
        }

        foreach (var (traditional, simplified) in traditionalToSimplified)
        {
            table[traditional] = simplified;
        }

        return table;
    }

    private static Dictionary<char, char> Build()
    {
        var map = new Dictionary<char, char>(Traditional.Length + 3000);
        for (var i = 0; i < Traditional.Length; i++)
        {
            map.TryAdd(Traditional[i], Simplified[i]);
        }

        // The complete table (ICU's Hant-Hans transliteration, Unihan data; Common/t2s.txt says how it was made): a
        // listed party's name in a Hong Kong or Taiwan copy (斯巴魯株式會社) folds whole, not only the characters above.
        var assembly = typeof(ChineseVariants).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("Common.t2s.txt", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException("Embedded t2s.txt missing.");
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 2 && line[0] != '#')
            {
                map.TryAdd(line[0], line[1]);
            }
        }

        return map;
    }
}
