# La formulation des constats sur les réponses et des rapports, en français.
# Un message par sorte de constat ; `.label` s'écrit sous l'extrait, `.help` dit quoi faire.
# Les identifiants, les codes et les valeurs restent tels qu'ils s'écrivent dans la réponse.

## La réponse dans son ensemble

reply-not-a-table = une réponse doit être une table de sections, pas { $value }
    .help = partez de `canvass template { $questionnaire }`
reply-names-other = la réponse indique { $key ->
        [version] la version
       *[questionnaire] le questionnaire
    } { $value }, mais { $key ->
        [version] la version attendue
       *[questionnaire] le questionnaire attendu
    } est "{ $expected }"
    .label = attendu : "{ $expected }"
    .help = écrivez `{ $key } = "{ $expected }"` en tête de la réponse
reply-names-none = la réponse n'indique pas { $key ->
        [version] à quelle version elle répond
       *[questionnaire] à quel questionnaire elle répond
    }
    .label = attendu : "{ $expected }"
    .help = écrivez `{ $key } = "{ $expected }"` en tête de la réponse
unknown-section = `{ $key }` n'est pas une section de ce questionnaire
    .label = inconnue
section-not-a-table = la section `{ $section }` doit être une table de réponses, pas { $value }
    .help = écrivez les réponses sous un en-tête `[{ $section }]`
unknown-question = la section `{ $section }` n'a pas de question `{ $key }`
    .label = inconnue
help-move-to-section = `{ $key }` est une question de la section { $sections } : déplacez-la
help-did-you-mean-section = vouliez-vous dire la section `{ $near }` ?
help-sections-are = les sections sont { $ids }
help-did-you-mean = vouliez-vous dire `{ $near }` ?
help-questions-are = les questions de la section `{ $section }` sont { $ids }
list-or = { $first } ou { $second }

explanations-not-a-table = `explanations` doit être une table de l'identifiant d'une règle vers un texte, pas { $value }
    .help = écrivez `[explanations]`, puis une ligne par règle : `id_de_la_regle = "pourquoi les réponses sont justes"`
explanation-unknown = `{ $key }` n'est pas une règle que cette réponse peut expliquer
    .label = pas une règle qui s'explique
help-explain-error-rule = la règle `{ $rule }` est une erreur : corrigez les réponses qu'elle lit ; seuls les avertissements et les règles qui demandent une explication peuvent être expliqués
help-explainable-none = ce questionnaire n'a aucune règle qu'une réponse peut expliquer
help-explainable-rules = les règles qui peuvent être expliquées sont { $ids }
explanation-not-text = une explication est un texte, pas { $value }
    .help = écrivez entre guillemets pourquoi les réponses sont justes

## Réponses manquantes ou en trop

missing-answer = la question { $number } est obligatoire mais n'a pas de réponse
    .label = la réponse à { $number } se place dans cette section
missing-answer-because = la question { $number } est obligatoire parce que `{ $condition }` est vrai, mais elle n'a pas de réponse
    .label = la réponse à { $number } se place dans cette section
missing-section = la section [{ $section }] manque dans la réponse
not-applicable = la question { $number } a une réponse, mais elle ne s'applique que si `{ $condition }`
    .label = à laisser sans réponse
    .help = retirez cette réponse, ou corrigez la réponse dont elle dépend
why-required = , ce qui la rend obligatoire
why-not-applicable = , elle ne s'applique donc pas
related-value = { $id } = { $value }{ $why }
related-code = { $id } = "{ $code }" (un code){ $why }
related-previous = { $id } valait { $value } au cycle précédent
related-blank = { $id } n'a pas de réponse{ $why }
related-computed = { $id } = { $value } (calculé){ $why }
related-not-computed = { $id } ne peut être calculé, faute des réponses qu'il lit{ $why }
related-sums = { $sums } sur { $rows ->
        [one] 1 ligne
       *[other] { $rows } lignes
    }
missing-specify = "{ $option }" est choisi à la question { $number }, mais `{ $specify }` ne précise pas de quoi il s'agit
    .label = `{ $specify }` se place dans cette section
    .help = ajoutez `{ $specify } = "…"` pour décrire "{ $option }"
missing-specify-cell = { $row } choisit "{ $option }" dans `{ $column }`, mais `{ $specify }` ne précise pas de quoi il s'agit
    .label = `{ $specify }` se place dans cette ligne
    .help = ajoutez `{ $specify } = "…"` à la ligne pour décrire "{ $option }"
unexpected-specify = `{ $specify }` est donné, mais aucune option de la question { $number } qui le demande n'est choisie
    .label = rien à préciser
    .help = retirez-le, ou choisissez l'option qu'il décrit
specify-not-text = `{ $specify }` doit être un texte, pas { $value }
    .help = décrivez l'option en toutes lettres

## Valeurs

wrong-type = attendu : { $want }, mais la réponse est { $value }
    .label = pas { $want }
wrong-type-number-as-text = attendu : { $want }, mais la réponse est { $value }, un nombre écrit comme du texte
    .label = pas { $want }
    .help = écrivez-le comme un nombre, sans guillemets, espaces ni séparateurs de milliers, avec un point décimal : { $number }
want-yes-no = true ou false
want-choice = une option, sous forme de texte
want-multi = une liste d'options
want-text = un texte
want-integer = un nombre entier
want-number = un nombre
want-date = une date
want-time = une heure, sous forme de texte
want-year = une année
want-country = un code de pays, sous forme de texte
want-table = une liste de lignes
not-an-option = "{ $value }" ne fait pas partie des options
    .label = pas une option
not-an-option-near = "{ $value }" ne fait pas partie des options ; vouliez-vous dire "{ $near }" ?
    .label = pas une option
code-not-accepted = le code "{ $value }" existe, mais la question { $number } n'admet que { $codes }
    .label = pas admis ici
code-not-accepted-none = le code "{ $value }" existe, mais la question { $number } n'admet aucun code
    .label = pas admis ici
chosen-twice = "{ $value }" est choisi plus d'une fois
    .label = choisi à nouveau ici
choice-not-text = chaque choix doit être une option, sous forme de texte, pas { $value }
    .label = pas une option
more-in-list = { $message } (et { $more } autres problèmes dans cette liste)
exclusive-option = "{ $option }" ne peut pas être combiné avec d'autres choix
    .label = choisi avec d'autres
    .help = choisissez "{ $option }" seul, ou retirez-le et gardez les autres choix
too-few-choices = { $count } { $count ->
        [one] choix donné
       *[other] choix donnés
    } ; il en faut au moins { $min }
    .label = { $count } choix
too-many-choices = { $count } { $count ->
        [one] choix donné
       *[other] choix donnés
    } ; au plus { $max } admis
    .label = { $count } choix
too-few-rows = { $count } { $count ->
        [one] ligne donnée
       *[other] lignes données
    } ; il en faut au moins { $min }
    .label = { $count } { $count ->
        [one] ligne
       *[other] lignes
    }
too-many-rows = { $count } { $count ->
        [one] ligne donnée
       *[other] lignes données
    } ; au plus { $max } admises
    .label = { $count } { $count ->
        [one] ligne
       *[other] lignes
    }
control-character = la réponse contient le caractère de contrôle { $character }, qu'aucun formulaire ne laisse saisir
    .label = caractère de contrôle
too-long = la réponse compte { $length } caractères ; au plus { $max } admis
    .label = trop longue
too-short = la réponse compte { $length } caractères ; il en faut au moins { $min }
    .label = trop courte
no-pattern-match = la réponse n'a pas la forme attendue
    .label = ne correspond pas au modèle
not-an-email = "{ $value }" n'est pas une adresse électronique
    .label = pas une adresse électronique
not-a-country = "{ $value }" n'est pas un code de pays ISO 3166-1 alpha-3
    .label = pas un code de pays
not-a-time = "{ $value }" n'est pas une heure écrite hh:mm (09:30, 17:45)
    .label = pas une heure
not-a-country-near = "{ $value }" n'est pas un code de pays ISO 3166-1 alpha-3 ; vouliez-vous dire "{ $near }" ?
    .label = pas un code de pays
too-many-digits = le nombre { $value } a { $digits } chiffres significatifs ; canvass ne juge exactement les nombres que jusqu'à { $most }
    .label = ne peut être jugé exactement
    .help = arrondissez la réponse à { $most } chiffres significatifs au plus
too-large-to-judge = le nombre { $value } est trop grand ou trop petit pour être jugé exactement ; canvass traite les nombres inférieurs à 10^{ $most } avec au plus { $most } décimales
    .label = ne peut être jugé exactement
    .help = écrivez la réponse sans exposant, dans ces limites
below-minimum = { $value }{ $unit } est inférieur au minimum de { $min }{ $unit }
    .label = hors limites
above-maximum = { $value }{ $unit } est supérieur au maximum de { $max }{ $unit }
    .label = hors limites
date-form = "{ $value }" n'est pas une date écrite AAAA-MM-JJ
    .label = pas une date
date-no-month = "{ $value }" n'est pas une vraie date : il n'y a pas de mois { $month }
    .label = pas une date
date-no-day = "{ $value }" n'est pas une vraie date : ce mois compte { $days } jours
    .label = pas une date
date-too-early = { $value } est antérieure à la première date admise, { $min }
    .label = hors limites
date-too-late = { $value } est postérieure à la dernière date admise, { $max }
    .label = hors limites

## Tableaux

rows-over-limit = { $count } lignes, au-delà de la limite de canvass de { $limit }
    .help = relevez la limite avec --max-rows si cette réponse est authentique
row-not-a-table = { $row } doit être une table de colonnes, pas { $value }
    .label = pas une ligne
unknown-column = { $row } a une colonne `{ $key }` que le tableau n'a pas
    .label = colonne inconnue
help-columns-near = vouliez-vous dire `{ $near }` ? les colonnes sont { $ids }
help-columns-are = les colonnes sont { $ids }
missing-cell = { $row } n'a pas de `{ $column }`, que chaque ligne doit avoir
    .label = `{ $column }` manque dans cette ligne
missing-cell-because = { $row } n'a pas de `{ $column }`, obligatoire parce que `{ $condition }` est vrai dans cette ligne
    .label = `{ $column }` manque dans cette ligne
cell-not-applicable = { $row } a `{ $column }`, mais dans une ligne il ne s'applique que si `{ $condition }`
    .label = à laisser sans réponse dans cette ligne
    .help = retirez cette cellule, ou corrigez la réponse dont elle dépend
computed-answered = `{ $id }` est calculé par le questionnaire, il n'a donc pas de réponse
    .label = calculé, sans réponse
    .help = retirez cette réponse : canvass calcule `{ $id }` comme `{ $compute }`
duplicate-row = les lignes { $first } et { $row } ont le même { $key }, { $value }
    .label = identique à une ligne précédente
    .help = chaque ligne doit avoir son propre { $key } : fusionnez les deux lignes ou corrigez-en une
duplicate-row-first = la ligne { $first } l'a en premier

## Règles

row-missing = { $row } manque : ce tableau donne ses lignes à l'avance ({ $rows })
    .help = ajoutez une ligne dont `{ $column }` est { $key }
row-not-given = { $value } n'est pas l'une des lignes que ce tableau donne à l'avance ({ $rows })
    .help = corrigez la clé, ou supprimez la ligne
row-number = la ligne { $number }
row-key = la ligne de { $key }

rule-failed = { $message } ({ $values })
    .help = la règle `{ $rule }` exige { $check }
rule-failed-in-row = { $row } : { $message } ({ $values })
    .help = la règle `{ $rule }` exige { $check } dans chaque ligne
rule-failed-nowhere = { $message }
    .help = la règle `{ $rule }` exige { $check }
rule-not-checked = non vérifiée : { $message } ({ $values })
    .help = la règle `{ $rule }` ({ $check }) ne peut être jugée tant qu'une réponse qu'elle lit est un code : donnez le chiffre, ou gardez le code et dites au secrétariat pourquoi
rule-not-checked-in-row = { $row }, non vérifiée : { $message } ({ $values })
    .help = la règle `{ $rule }` ({ $check }) ne peut être jugée dans cette ligne tant qu'une réponse qu'elle lit est un code : donnez le chiffre, ou gardez le code et dites au secrétariat pourquoi

## Ce qu'est une réponse, et ce qu'une question attend

value-nothing = rien
value-number = le nombre { $number }
value-text = le texte "{ $text }"
value-list = une liste
value-table = une table
value-rows = { $count } lignes
expect-yes-no = attendu : true ou false
expect-choice = attendu : l'une des options { $options }
expect-multi = attendu : une liste d'options parmi { $options }
expect-multi-between = attendu : une liste d'options parmi { $options }, de { $min } à { $max }
expect-multi-at-least = attendu : une liste d'options parmi { $options }, au moins { $min }
expect-multi-at-most = attendu : une liste d'options parmi { $options }, au plus { $max }
expect-text = attendu : un texte{ $length }{ $pattern }
expect-email = attendu : une adresse électronique{ $length }{ $pattern }
length-between = { " " }de { $min } à { $max } caractères
length-at-least = { " " }d'au moins { $min } caractères
length-at-most = { " " }d'au plus { $max } caractères
pattern = { " " }conforme au modèle { $pattern }
pattern-in-words = : { $pattern }
expect-integer = attendu : un nombre entier{ $range }
expect-number = attendu : un nombre{ $range }
expect-year = attendu : une année{ $range }
expect-date = attendu : une date écrite AAAA-MM-JJ{ $range }
expect-time = attendu : une heure écrite hh:mm, sur 24 heures (09:30, 17:45)
expect-country = attendu : un code de pays ISO 3166-1 alpha-3, comme "AUT" ou "FRA"
expect-table = attendu : une liste de lignes, chacune avec { $columns }
expect-table-key = attendu : une liste de lignes, chacune avec { $columns } ; jamais deux lignes avec le même { $key }
column-required = { $id } ({ $type }, obligatoire)
column-optional = { $id } ({ $type })
range-between = { " " }de { $min } à { $max }{ $unit }
range-at-least = { " " }d'au moins { $min }{ $unit }
range-at-most = { " " }d'au plus { $max }{ $unit }
range-unit = , en{ $unit }
expect-or-codes = { $expected } ; ou le code { $codes }
code-label = "{ $code }" ({ $label })
code-label-number = "{ $code }" ou { $number } ({ $label })

## Lecture d'une réponse

json-syntax = JSON invalide : { $detail }
    .label = ici
toml-syntax = TOML invalide : { $detail }
    .label = ici
not-utf8 = le fichier n'est pas en UTF-8 valide : l'octet { $byte } à la position { $offset } ne fait partie d'aucun caractère UTF-8
    .label = pas de l'UTF-8
    .help = enregistrez la réponse en UTF-8 (un fichier UTF-16 ou Latin-1 doit être converti)
duplicate-key = `{ $key }` est donné deux fois ; canvass juge la dernière réponse, comme le font en général les lecteurs JSON
    .label = donné à nouveau ici : cette réponse est jugée
    .help = gardez l'une des deux réponses et supprimez l'autre
duplicate-key-first = donné une première fois ici : cette réponse est ignorée
too-large = la réponse fait { $size }, au-delà de la limite de { $limit } octets
    .help = relevez la limite avec --max-reply-bytes si cette réponse est authentique
size-bytes = { $bytes } octets
size-over = plus de { $limit } octets
too-deep = la réponse est imbriquée sur plus de { $max } niveaux
    .label = trop profond ici
    .help = aucun questionnaire n'imbrique les réponses aussi profondément ; relevez la limite avec --max-depth si cette réponse est authentique
number-too-large = cette valeur est trop grande pour être un nombre que canvass peut conserver
    .label = ici
    .help = écrivez le nombre comme un entier ou un décimal dans les limites
number-not-finite = cette valeur n'est pas un nombre fini (nan et inf ne sont pas des réponses)
    .label = ici
    .help = écrivez le nombre comme un entier ou un décimal dans les limites
questionnaire-not-found = la réponse indique le questionnaire "{ $id }", qui n'est pas dans questionnaires/
    .label = questionnaire inconnu
    .help = écrivez `questionnaire = "<id>"` en tête de la réponse, ou passez -q QUESTIONNAIRE
questionnaire-not-an-id = le `questionnaire` de la réponse n'est pas un identifiant de questionnaire
    .label = questionnaire inconnu
    .help = écrivez `questionnaire = "<id>"` en tête de la réponse, ou passez -q QUESTIONNAIRE
questionnaire-not-named = la réponse n'indique pas à quel questionnaire elle répond
    .label = questionnaire inconnu
    .help = écrivez `questionnaire = "<id>"` en tête de la réponse, ou passez -q QUESTIONNAIRE
skipped-not-a-file = cette entrée du dossier n'est pas un fichier ordinaire (un FIFO, une socket ou un périphérique) : elle n'est pas lue
    .help = placez la réponse elle-même dans le dossier, ou passez --follow-links si le lien est voulu
skipped-link-out = cette entrée du dossier est un lien symbolique qui mène hors du dossier : elle n'est pas lue
    .help = placez la réponse elle-même dans le dossier, ou passez --follow-links si le lien est voulu
skipped-link-not-a-file = cette entrée du dossier est un lien vers autre chose qu'un fichier ordinaire (un FIFO, une socket ou un périphérique) : elle n'est pas lue
    .help = placez la réponse elle-même dans le dossier, ou passez --follow-links si le lien est voulu
internal-error = canvass a échoué en vérifiant cette réponse (une erreur de canvass, pas de la réponse)
    .help = les autres réponses ont été vérifiées ; merci de signaler cette réponse aux mainteneurs de canvass
schema-refuses = le schéma compilé refuse cette réponse : { $error }
    .help = canvass n'a pas pu l'expliquer avec ses propres mots ; merci de le signaler
more-findings = { $message } (et { $more } autres constats dans cette réponse, non affichés)
more-findings-at-least = { $message } (et au moins { $more } autres constats dans cette réponse, non affichés ; canvass a cessé de chercher)

## Rapports

report-title = rapport canvass
report-title-of = rapport canvass : { $questionnaire }
verdict-valid = valide
verdict-invalid = non valide
verdict-unreadable = illisible
counts = { $errors } { $errors ->
        [one] erreur
       *[other] erreurs
    }, { $warnings } { $warnings ->
        [one] avertissement
       *[other] avertissements
    }
judged-by = { $id } version { $version }
summary = { $replies } { $replies ->
        [one] réponse vérifiée
       *[other] réponses vérifiées
    } : { $valid } { $valid ->
        [one] valide
       *[other] valides
    }, { $invalid } { $invalid ->
        [one] non valide
       *[other] non valides
    }
summary-unreadable = , { $count } { $count ->
        [one] illisible
       *[other] illisibles
    }
summary-not-checked = , { $count } non { $count ->
        [one] vérifiée
       *[other] vérifiées
    } (échec de canvass)
summary-by-questionnaire = ; par questionnaire : { $list }
question-line = Question { $number } : { $text }
question-line-unnumbered = Question : { $text }
explained-by-reply = expliqué par la réponse : { $note }
explained-by-reviewer = expliqué par un examinateur : { $note }
at-line = { " " }— ligne { $line }, colonne { $column }
at-cell = { " " }— cellule { $cell }

## La réponse vierge (`canvass template`)

template-reply = réponse
template-how-to = Retirez le `#` devant une réponse pour la donner ; laissez une question de côté pour ne pas y répondre.
template-codes-intro = Lorsqu'une question le permet, une réponse peut être l'un de ces codes :
template-only-if = Seulement si
template-computed = calculé par le questionnaire à partir des autres réponses ; sans réponse
template-required = obligatoire
template-or-code = ou un code
template-please-specify = veuillez préciser
template-exclusive = pas avec d'autres options
template-specify-line = si vous choisissez une option qui demande de préciser
template-true-false = true (oui) ou false (non)
template-one-option = l'une des options
template-options-list = une liste d'options
template-text = texte
template-at-most-chars = caractères au plus
template-email = une adresse électronique
template-whole-number = nombre entier
template-number = nombre
template-year = année
template-date = date AAAA-MM-JJ
template-time = heure hh:mm, sur 24 heures
template-country = code de pays ISO 3166-1 alpha-3, par exemple "FRA"
template-table = tableau : une ligne par entrée, avec ces colonnes
template-at-least-rows = lignes au moins
template-to = à
template-at-least = au moins
template-at-most = au plus

## Tableaux des réponses (`canvass tabulate`).

tabulate-title = { $id } version { $version } : { $replies } { $replies ->
        [one] réponse comptée
       *[other] réponses comptées
    }
tabulate-answered = répondu
tabulate-not-applicable = sans objet (écartée par sa condition)
tabulate-unanswered = sans réponse
tabulate-sum = somme
tabulate-sum-too-long = plus de 28 chiffres significatifs : ni arrondie, ni affichée
tabulate-min = plus petit
tabulate-median = médiane
tabulate-max = plus grand
tabulate-first-date = la plus ancienne
tabulate-last-date = la plus récente
tabulate-with-rows = réponses avec au moins une ligne
tabulate-rows = lignes en tout
tabulate-yes = Oui
tabulate-no = Non
tabulate-contents = Sommaire
tabulate-over-keys = clé par clé
tabulate-all = ensemble
tabulate-unknown-region = hors États Membres de l'ONU
tabulate-previous-cycle = cycle précédent
tabulate-this-cycle = ce cycle

## La page HTML.

html-severity = Gravité
html-code = Code
html-question = Question
html-all = tous
html-shown = constats affichés
html-replies-with = réponses concernées
html-index = Réponses
html-file = Fichier
html-respondent = Répondant
html-questionnaire = Questionnaire
html-status = État
html-errors = Erreurs
html-warnings = Avertissements
html-questions = Où les répondants butent
html-replies-by-code = Réponses avec un constat à cet endroit, par code
html-whole-reply = (la réponse dans son ensemble)

## Les conditions en mots, dans le modèle de réponse.

condition-question = la question { $number }
condition-is = { $question } vaut { $value }
condition-is-not = { $question } ne vaut pas { $value }
condition-less = { $question } est inférieure à { $value }
condition-at-most = { $question } est au plus { $value }
condition-more = { $question } est supérieure à { $value }
condition-at-least = { $question } est au moins { $value }
condition-chosen = { $value } est choisi à { $question }
condition-answered = { $question } a une réponse
condition-not-answered = { $question } n'a pas de réponse
condition-and = { $a } et { $b }
condition-or = { $a } ou { $b }
condition-or-word = ou
condition-quoted = « { $text } »

## Le classeur (`canvass template --format xlsx`)

workbook-cover = À propos de ce classeur
workbook-instructions = Remplissez les cellules jaunes, feuille par feuille. Lorsqu'une cellule propose une liste, choisissez-y votre réponse ; un code comme « Ne sait pas » figure dans la même liste. Laissez une cellule vide si vous n'avez pas de réponse. Ne renommez, ne déplacez ni ne supprimez les feuilles.
workbook-return = Renvoyez ce fichier, rempli, au secrétariat qui vous l'a envoyé.
workbook-questionnaire = Questionnaire
workbook-version = Version
workbook-language = Langue
workbook-respondent = Répondant
workbook-number = N°
workbook-question = Question
workbook-answer = Réponse
workbook-unit = Unité
workbook-condition = Quand
workbook-explanations = Explications
workbook-explanations-intro = Lorsqu'un contrôle ci-dessous met en doute vos réponses et qu'elles sont pourtant justes, dites pourquoi dans la cellule jaune à côté. Une explication n'est lue que pour les contrôles listés ici ; une erreur doit être corrigée.
workbook-rule = Contrôle
workbook-rule-checks = Ce qu'il vérifie
workbook-explanation = Votre explication

## Lire une réponse en classeur
workbook-not-readable = le fichier n'est pas un classeur que canvass sait lire : { $why }
    .help = envoyez le classeur tel que le tableur l'enregistre (.xlsx), sans le renommer ni le réparer à la main
workbook-too-large = décompressé, ce classeur occuperait { $size } octets, au-delà de la limite de { $limit }
    .help = relevez la limite avec --max-reply-bytes (un classeur peut se décompresser jusqu'à quatre fois plus) si ce classeur est authentique
workbook-macros = le classeur contient des macros ; canvass n'accepte pas de classeur avec macros
    .help = enregistrez-le comme classeur Excel (.xlsx), sans macros, et envoyez-le de nouveau
workbook-not-template = le classeur n'a pas été fait à partir d'un questionnaire canvass : aucune cellule ne peut être rattachée à une question
    .help = remplissez le classeur envoyé par le secrétariat (fait par `canvass template --format xlsx`) et envoyez celui-là
workbook-formula-without-value = la cellule contient une formule ({ $formula }) dont la valeur n'a jamais été calculée
    .label = sans valeur
    .help = ouvrez le classeur dans un tableur et enregistrez-le pour que la valeur soit calculée, ou tapez la valeur dans la cellule
workbook-error-value = la cellule affiche l'erreur { $error }, pas une réponse
    .label = { $error }
    .help = corrigez la formule, ou tapez la valeur dans la cellule
workbook-sheet-gone = les cellules de la section { $section } ne sont pas dans le classeur : sa feuille a été supprimée
    .help = recopiez les réponses dans la feuille de cette section du classeur envoyé, et envoyez celui-là
workbook-cell-gone = la cellule de cette réponse n'est pas dans le classeur : sa ligne ou son nom a été supprimé
    .help = recopiez la réponse dans le classeur envoyé, et envoyez celui-là

## La lettre au répondant (`intake letter`)
letter-title = { $title } : demande de validation
letter-greeting = À l'attention de { $respondent },
letter-intro = Merci de votre réponse (version { $version }, reçue le { $date }, fichier { $file }). Avant qu'elle puisse être retenue, veuillez examiner les points ci-dessous et envoyer une version corrigée, ou nous dire pourquoi les réponses sont justes telles quelles.
letter-intro-done = Merci de votre réponse (version { $version }, reçue le { $date }, fichier { $file }).
letter-none = Votre réponse ne comporte aucun point en suspens : rien de plus n'est nécessaire.
letter-open = { $count ->
    [one] Un point à examiner
   *[other] { $count } points à examiner
}
letter-question = Question { $number } : { $text }
letter-fixed-item = Question { $number } : { $value }
letter-what = Ce qui ne va pas : { $value }
letter-expected = Ce qu'il faut faire : { $value }
letter-explain = Si les réponses sont justes telles quelles, dites pourquoi : dans votre fichier, sous `[explanations]`, écrivez `{ $value } = "…"` (dans un classeur, sur la feuille Explications)
letter-where = Où : { $value }
letter-at-line = ligne { $line }, colonne { $column } de votre fichier
letter-at-cell = cellule { $cell } de votre classeur
letter-fixed = { $count ->
    [one] Corrigé depuis votre version précédente
   *[other] Corrigé depuis votre version précédente ({ $count })
}
letter-fixed-since-letter = { $count ->
    [one] Corrigé ou expliqué depuis notre lettre du { $date }
   *[other] Corrigés ou expliqués depuis notre lettre du { $date } ({ $count })
}
letter-closing = Avec nos remerciements, le secrétariat

## La page du répondant (`canvass serve`)
serve-check = Vérifier
serve-add-row = Ajouter une ligne à chaque tableau
serve-save-draft = Enregistrer le brouillon
serve-submit = Envoyer
serve-no-findings = Rien à corriger : la réponse peut être envoyée.
serve-findings = { $count ->
    [one] Un point à examiner
   *[other] { $count } points à examiner
}
serve-or-code = ou un code de réponse
serve-yes = Oui
serve-no = Non
serve-receipt = Reçu : version { $version } ({ $stage }), { $time }, SHA-256 { $sha256 }.
serve-download-workbook = Télécharger le classeur (rempli avec votre dernière version)
serve-download-toml = Télécharger un modèle TOML
serve-upload = Ou envoyez un fichier rempli (TOML, JSON ou le classeur) :
serve-other-respondent = Ce fichier répond pour { $named }, et non pour le répondant de ce lien : il n'a pas été enregistré.
