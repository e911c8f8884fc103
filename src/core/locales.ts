/**
 * The built-in label packs. English is no pack: it is `DEFAULT_UI_LABELS`
 * and the labels made from keys. Each other language is one string of words
 * joined by "|", in the order of `UI_NAMES` then `FIELD_KEYS`: the classic
 * script carries every pack, so they are kept as small as data gets. The
 * orders come from `DEFAULT_UI_LABELS` and `KNOWN_META_KEYS`; test/l10n.test.ts
 * fails when either changes without the packs.
 */
import { DEFAULT_UI_LABELS, type LabelPack } from './format.js';
import { KNOWN_META_KEYS } from './normalize.js';

const UI_NAMES = Object.keys(DEFAULT_UI_LABELS);
// Then the keys of `revision` and the seed's scores.
const FIELD_KEYS = [...KNOWN_META_KEYS, ...'status version last_reviewed quality freshness depth clarity'.split(' ')];

/** Languages with a built-in pack besides English. */
export const PACK_LANGUAGES: readonly string[] = ['de', 'fr', 'es', 'ar', 'ja'];

const PACKS = [
  'ja|nein|keine|{n} weitere|Gliederung|Checkliste|{done} von {total} erledigt|Bewertungen|ähnliche Beiträge|Noch keine ähnlichen Beiträge.|Artikeldetails|Nichts anzuzeigen.|{n} weitere Ebenen|Thema|Programmiersprache|Schwierigkeit|Referenz|Hash|Zusammenfassung|KI-Kurzfassung|KI-Gliederung|Tech-Stack|Werkzeuge|Checkliste|Notizen|Lesezeit|Aufrufe|Bewertung|Überarbeitung|Merkmale|Entitäten|Nutzdaten|Status|Version|zuletzt geprüft|Qualität|Aktualität|Tiefe|Klarheit',
  'oui|non|aucun|{n} de plus|plan|liste de contrôle|{done} sur {total} terminés|évaluations|articles similaires|Pas encore d’articles similaires.|détails de l’article|Rien à afficher.|{n} niveaux de plus|sujet|langage|difficulté|référence|empreinte|résumé|synthèse IA|plan IA|pile technique|outils|liste de contrôle|notes|temps de lecture|vues|évaluation|révision|indicateurs|entités|données|statut|version|dernière relecture|qualité|fraîcheur|profondeur|clarté',
  'sí|no|ninguno|{n} más|esquema|lista de control|{done} de {total} completados|puntuaciones|artículos similares|Aún no hay artículos similares.|detalles del artículo|Nada que mostrar.|{n} niveles más|tema|lenguaje|dificultad|referencia|hash|resumen|síntesis de IA|esquema de IA|pila tecnológica|herramientas|lista de control|notas|tiempo de lectura|visitas|puntuación|revisión|indicadores|entidades|datos|estado|versión|última revisión|calidad|actualidad|profundidad|claridad',
  'نعم|لا|لا شيء|{n} أخرى|المخطط|قائمة التحقق|أنجز {done} من {total}|التقييمات|مقالات مشابهة|لا توجد مقالات مشابهة بعد.|تفاصيل المقال|لا يوجد ما يُعرض.|{n} مستويات أخرى|الموضوع|لغة البرمجة|الصعوبة|المرجع|البصمة|الملخص|موجز الذكاء الاصطناعي|مخطط الذكاء الاصطناعي|التقنيات|الأدوات|قائمة التحقق|الملاحظات|مدة القراءة|المشاهدات|التقييم|المراجعة|المؤشرات|الكيانات|البيانات|الحالة|الإصدار|آخر مراجعة|الجودة|الحداثة|العمق|الوضوح',
  'はい|いいえ|なし|ほか{n}件|構成|チェックリスト|{total}件中{done}件完了|スコア|関連記事|関連記事はまだありません。|記事の詳細|表示する項目はありません。|ほか{n}階層|トピック|言語|難易度|参照|ハッシュ|要約|AI要旨|AI構成|技術スタック|ツール|チェックリスト|メモ|読了時間|閲覧数|スコア|改訂|フラグ|エンティティ|ペイロード|状態|バージョン|最終確認日|品質|鮮度|深さ|明瞭さ',
];

const ENGLISH: LabelPack = { ui: new Map(), fields: new Map() };
const built = new Map<string, LabelPack>();

/** The pack of a locale's language ("de-AT" → de); English for languages without one. */
export function labelPack(locale: string): LabelPack {
  const language = locale.split('-')[0].toLowerCase();
  let pack = built.get(language);
  if (!pack) {
    const words = PACKS[PACK_LANGUAGES.indexOf(language)]?.split('|');
    if (!words) return ENGLISH;
    const fields = new Map(FIELD_KEYS.map((key, index) => [key, words[UI_NAMES.length + index]]));
    pack = { ui: new Map(UI_NAMES.map((name, index) => [name, words[index]])), fields };
    built.set(language, pack);
  }
  return pack;
}
