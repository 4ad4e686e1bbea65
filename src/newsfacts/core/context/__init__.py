"""What a sentence's quantities are about, one module per field of the
claim: measure, change, qualifiers, times, entities; scope carries time
and entity across sentences, describe applies them all to one sentence."""
