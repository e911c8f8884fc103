/**
 * The built-in label packs besides English, in a module of their own so that
 * a page fetches them only when an element shows one of these languages
 * (`core/locales.ts` loads them through `core/label-packs-loader.ts`; the
 * classic script as its sibling file, `classic-locales.ts`). Each language is
 * one string of words joined by "|", in the order of `UI_NAMES` then
 * `FIELD_KEYS` in `core/locales.ts`. Data only: this module imports nothing.
 */

/** The words of each language with a pack, by language subtag. */
export type PackWords = Readonly<Record<string, string>>;

export const PACK_WORDS: PackWords = {
  de: 'ja|nein|keine|{n} weitere|Gliederung|Checkliste|{done} von {total} erledigt|Bewertungen|ähnliche Beiträge|Noch keine ähnlichen Beiträge.|Artikeldetails|Nichts anzuzeigen.|{n} weitere Ebenen|Thema|Programmiersprache|Schwierigkeit|Referenz|Hash|Zusammenfassung|KI-Kurzfassung|KI-Gliederung|Tech-Stack|Werkzeuge|Checkliste|Notizen|Lesezeit|Aufrufe|Bewertung|Überarbeitung|Merkmale|Entitäten|Nutzdaten|Status|Version|zuletzt geprüft|Qualität|Aktualität|Tiefe|Klarheit',
  fr: 'oui|non|aucun|{n} de plus|plan|liste de contrôle|{done} sur {total} terminés|évaluations|articles similaires|Pas encore d’articles similaires.|détails de l’article|Rien à afficher.|{n} niveaux de plus|sujet|langage|difficulté|référence|empreinte|résumé|synthèse IA|plan IA|pile technique|outils|liste de contrôle|notes|temps de lecture|vues|évaluation|révision|indicateurs|entités|données|statut|version|dernière relecture|qualité|fraîcheur|profondeur|clarté',
  es: 'sí|no|ninguno|{n} más|esquema|lista de control|{done} de {total} completados|puntuaciones|artículos similares|Aún no hay artículos similares.|detalles del artículo|Nada que mostrar.|{n} niveles más|tema|lenguaje|dificultad|referencia|hash|resumen|síntesis de IA|esquema de IA|pila tecnológica|herramientas|lista de control|notas|tiempo de lectura|visitas|puntuación|revisión|indicadores|entidades|datos|estado|versión|última revisión|calidad|actualidad|profundidad|claridad',
  ar: 'نعم|لا|لا شيء|{n} أخرى|المخطط|قائمة التحقق|أنجز {done} من {total}|التقييمات|مقالات مشابهة|لا توجد مقالات مشابهة بعد.|تفاصيل المقال|لا يوجد ما يُعرض.|{n} مستويات أخرى|الموضوع|لغة البرمجة|الصعوبة|المرجع|البصمة|الملخص|موجز الذكاء الاصطناعي|مخطط الذكاء الاصطناعي|التقنيات|الأدوات|قائمة التحقق|الملاحظات|مدة القراءة|المشاهدات|التقييم|المراجعة|المؤشرات|الكيانات|البيانات|الحالة|الإصدار|آخر مراجعة|الجودة|الحداثة|العمق|الوضوح',
  ja: 'はい|いいえ|なし|ほか{n}件|構成|チェックリスト|{total}件中{done}件完了|スコア|関連記事|関連記事はまだありません。|記事の詳細|表示する項目はありません。|ほか{n}階層|トピック|言語|難易度|参照|ハッシュ|要約|AI要旨|AI構成|技術スタック|ツール|チェックリスト|メモ|読了時間|閲覧数|スコア|改訂|フラグ|エンティティ|ペイロード|状態|バージョン|最終確認日|品質|鮮度|深さ|明瞭さ',
};
